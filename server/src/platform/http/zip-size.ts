/*
 * What a zip (an .xlsx) says it unpacks to, read from its central directory without unpacking
 * anything: a 5 MB upload can hold gigabytes of repeated cells (a zip bomb), which the workbook
 * reader would unpack whole in memory. Only what the archive declares: a forged size is still caught
 * by the unzipping itself (the size it checks), after the fact.
 */

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const ZIP64 = 0xffffffff;

/** The sum of the entries' declared unpacked sizes; Infinity for a ZIP64 archive; undefined for no zip at all. */
export function declaredUnzippedSize(bytes: Buffer): number | undefined {
  // the end record is the last 22 bytes, or more with a comment (at most 65,535 bytes of it)
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) return undefined;
    const size = bytes.readUInt32LE(at + 24);
    if (size === ZIP64) return Infinity;
    total += size;
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return total;
}
