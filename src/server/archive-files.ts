import type { DeployFile } from './deploy';
import { HttpError } from './http/errors';

/**
 * The model files of a `.flowdeck` archive, for deployment. Archives are read by `src/archive`
 * (validated: hashes, limits, hostile entries), which is built on another branch; until it is
 * merged a server takes folders (`flowdeck serve <folder>`) and JSON file lists only.
 */
export async function readArchiveFiles(_archive: Uint8Array): Promise<DeployFile[]> {
  throw new HttpError('UNSUPPORTED_MEDIA_TYPE', 'this server build cannot read .flowdeck archives yet (src/archive is not merged): deploy the files as JSON {files: [{name, source}]}');
}
