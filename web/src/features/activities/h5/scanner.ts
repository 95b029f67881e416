import { useEffect, useRef, useState } from 'react';

/** The browser's BarcodeDetector (Chrome on Android, Safari 17+), where there is one. */
type Detector = { detect(source: CanvasImageSource): Promise<{ rawValue: string }[]> };
type DetectorClass = { new (options: { formats: string[] }): Detector; getSupportedFormats?: () => Promise<string[]> };

export const canScan = (): boolean => typeof window !== 'undefined' && 'BarcodeDetector' in window && Boolean(navigator.mediaDevices?.getUserMedia);

/**
 * Reads QR codes from the back camera while `on`, calling `onCode` with each new one it sees.
 * Without a detector or a camera it does nothing: the page offers a text field instead.
 */
export function useQrScanner(on: boolean, onCode: (code: string) => void) {
  const video = useRef<HTMLVideoElement | null>(null);
  const [failed, setFailed] = useState(false);
  const latest = useRef(onCode);
  latest.current = onCode;

  useEffect(() => {
    if (!on || !canScan()) return;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let seen = '';
    let stopped = false;
    const Barcode = (window as unknown as { BarcodeDetector: DetectorClass }).BarcodeDetector;
    const detector = new Barcode({ formats: ['qr_code'] });
    void navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (s) => {
        stream = s;
        if (stopped || !video.current) return;
        video.current.srcObject = s;
        await video.current.play();
        timer = window.setInterval(async () => {
          if (!video.current) return;
          const found = await detector.detect(video.current).catch(() => []);
          const value = found[0]?.rawValue;
          if (value && value !== seen) {
            seen = value;
            latest.current(value);
          }
        }, 400);
      })
      .catch(() => setFailed(true));
    return () => {
      stopped = true;
      window.clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [on]);

  return { video, failed };
}

/** The phone's position for the location check, or nothing after a few seconds (accepted, flagged). */
export function currentPosition(timeoutMs = 5_000): Promise<{ lat: number; lng: number } | null> {
  if (!navigator.geolocation) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
