/**
 * Why an archive was refused. Stable strings: the CLI, the server and the studio show them and
 * tests assert them.
 */
export type ArchiveErrorCode =
  | 'notZip'
  | 'tooLarge'
  | 'tooManyEntries'
  | 'zipBomb'
  | 'badPath'
  | 'symlink'
  | 'duplicate'
  | 'unsupported'
  | 'corrupt'
  | 'missingManifest'
  | 'badManifest'
  | 'newerFormat'
  | 'unlisted'
  | 'missingEntry'
  | 'hashMismatch'
  | 'notUtf8'
  | 'xmlTooLarge'
  | 'xmlDoctype'
  | 'badXml'
  | 'badJson'
  | 'jsonPrototypeKey'
  | 'jsonTooDeep'
  | 'model';

/**
 * An archive (or one of its entries) that Flowdeck refuses. `entry` names the zip entry at fault
 * (`null` when the archive as a whole is: not a zip, too many entries); `reason` says what is
 * wrong with it. The message is `<entry>: <reason>`.
 *
 * @example
 * try { readArchive(bytes); } catch (e) {
 *   if (e instanceof ArchiveError) console.log(e.code, e.entry, e.reason); // 'badPath' '../evil.bpmn' 'leaves the archive folder (..)'
 * }
 */
export class ArchiveError extends Error {
  constructor(
    readonly code: ArchiveErrorCode,
    readonly entry: string | null,
    readonly reason: string,
  ) {
    super(entry === null ? reason : `${entry}: ${reason}`);
    this.name = 'ArchiveError';
  }

  /** The plain form that crosses a worker or HTTP boundary (`{code, message, details}`). */
  toJSON(): { code: ArchiveErrorCode; message: string; details: { entry: string | null; reason: string } } {
    return { code: this.code, message: this.message, details: { entry: this.entry, reason: this.reason } };
  }
}
