import { RecordedDataSchema, RecordingListSchema, type RecordedData, type RecordingList, type RecordingManifest } from '../../../../shared/recording/recording-manifest.js';

/** What went wrong with the recordings server, as a key of the catalogue's `recordings.server` block. */
export class RecordingsServerError extends Error {
  constructor(
    readonly reason: 'unreachable' | 'answered' | 'malformed',
    readonly status?: number,
  ) {
    super(status === undefined ? reason : `${reason} ${status}`);
    this.name = 'RecordingsServerError';
  }
}

/** The recordings server's answers are checked like any other network input: a malformed one is an error, not a guess. */
async function fetchChecked<T>(url: string, parse: (value: unknown) => T): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store' });
  } catch {
    throw new RecordingsServerError('unreachable');
  }
  if (!response.ok) throw new RecordingsServerError('answered', response.status);
  try {
    return parse(await response.json());
  } catch {
    throw new RecordingsServerError('malformed');
  }
}

export function recordingsOfRoom(baseUrl: string, room: string): Promise<RecordingList> {
  return fetchChecked(`${baseUrl}/recordings/${encodeURIComponent(room)}`, (value) => RecordingListSchema.parse(value));
}

/** Where a file of a recording is served: the player's `src`. */
export function recordingFileUrl(baseUrl: string, manifest: RecordingManifest, file: string): string {
  return `${baseUrl}/recordings/${encodeURIComponent(manifest.room)}/${manifest.id}/${encodeURIComponent(file)}`;
}

export async function recordedData(baseUrl: string, manifest: RecordingManifest): Promise<RecordedData> {
  if (!manifest.data) return { format: 'confer-recorded-data', version: 1, messages: [] };
  return fetchChecked(recordingFileUrl(baseUrl, manifest, manifest.data), (value) => RecordedDataSchema.parse(value));
}
