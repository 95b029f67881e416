export type Point = { lng: number; lat: number };

/**
 * The phone's position if it gives one quickly, else nothing. Checking in must never wait on it:
 * a refused permission, no GPS indoors or a desktop browser all just mean "no point".
 */
export function tryLocate(timeoutMs = 4000): Promise<Point | undefined> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        clearTimeout(timer);
        resolve({ lng: position.coords.longitude, lat: position.coords.latitude });
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
