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

/** How a downloaded file ended: whole, cut at the gateway's row limit (rows kept), or broken off by an error after some rows. */
export type ExportOutcome = { kind: 'complete' } | { kind: 'cut'; rows: number; total: number | null } | { kind: 'failed'; rows: number; message: string };

/** The number of CSV records in a text (line breaks inside quoted cells do not count). */
function recordsIn(text: string): number {
  let records = 0;
  let quoted = false;
  let open = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (char === '\n' && !quoted) {
      if (open) records += 1;
      open = false;
    } else if (char !== '\r') open = true;
  }
  return open ? records + 1 : records;
}

/**
 * Reads how an export ended: the gateway answers 200 once rows flowed and ends the file with a line `# error: …` when a
 * later page failed, or `# cut at …` past its row limit; a paged list's X-Total-Count beside fewer data rows is a cut too.
 */
export function outcomeOf(text: string, totalCount: string | null): ExportOutcome {
  const body = text.replace(/^\uFEFF/, '').replace(/\r?\n$/, '');
  const lastBreak = body.lastIndexOf('\n');
  const lastLine = body.slice(lastBreak + 1);
  const trailer = /^# (error|cut at)\b:? ?(.*)$/.exec(lastLine);
  const rows = Math.max(0, recordsIn(trailer ? body.slice(0, Math.max(lastBreak, 0)) : body) - 1);
  const total = totalCount !== null && /^\d+$/.test(totalCount) ? Number(totalCount) : null;
  if (trailer?.[1] === 'error') return { kind: 'failed', rows, message: trailer[2] ?? '' };
  if (trailer || (total !== null && rows < total)) return { kind: 'cut', rows, total };
  return { kind: 'complete' };
}

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
export async function downloadExport(list: ExportListName, params: Record<string, string>, language: Language): Promise<{ fileName: string; bytes: number; outcome: ExportOutcome }> {
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
  const outcome = outcomeOf(await blob.text(), response.headers.get('x-total-count'));
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
  return { fileName, bytes: blob.size, outcome };
}

/** TanStack Query's mutation around downloadExport (the house choice for non-GraphQL calls). */
export function useExportDownload() {
  return useMutation({
    mutationFn: ({ list, params, language }: { list: ExportListName; params: Record<string, string>; language: Language }) => downloadExport(list, params, language),
  });
}
