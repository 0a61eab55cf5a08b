import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import type { Language } from '../../lib/i18n.js';
import { currentSession } from '../../lib/session.js';
import type { ExportListName } from './filters.js';

/** An export the gateway refused: its HTTP status and the `{ error: { code, message } }` it answered. */
export class ExportError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'ExportError';
  }
}

const refusalSchema = z.object({ error: z.object({ code: z.string().optional(), message: z.string() }) });

/** The file name the gateway proposes (Content-Disposition), else `<list>.csv`. */
function fileNameOf(response: Response, list: ExportListName): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? `${list}.csv`;
}

/** The export route's URL for a list, its filter (under the API's field names) and the header row's language. */
export function exportUrl(list: ExportListName, params: Record<string, string>, language: Language): string {
  return `/export/${list}.csv?${new URLSearchParams({ ...params, lang: language }).toString()}`;
}

/**
 * Downloads a list's CSV through the gateway under the tab's token: fetches it, then saves it as a file (a Blob behind an
 * object URL, clicked as `<a download>`). A refusal throws an ExportError with the gateway's code and message.
 */
export async function downloadExport(list: ExportListName, params: Record<string, string>, language: Language): Promise<{ fileName: string; bytes: number }> {
  const session = currentSession();
  let response: Response;
  try {
    response = await fetch(exportUrl(list, params, language), { headers: session ? { Authorization: `Bearer ${session.token}` } : {} });
  } catch {
    throw new ExportError(0, 'NETWORK', 'network');
  }
  if (!response.ok) {
    const refusal = refusalSchema.safeParse(await response.json().catch(() => null));
    throw new ExportError(response.status, refusal.success ? refusal.data.error.code : undefined, refusal.success ? refusal.data.error.message : `${response.status} ${response.statusText}`);
  }
  const blob = await response.blob();
  const fileName = fileNameOf(response, list);
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return { fileName, bytes: blob.size };
}

/** TanStack Query's mutation around downloadExport (the house choice for non-GraphQL calls). */
export function useExportDownload() {
  return useMutation({
    mutationFn: ({ list, params, language }: { list: ExportListName; params: Record<string, string>; language: Language }) => downloadExport(list, params, language),
  });
}
