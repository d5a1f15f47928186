/**
 * The spectrum files of a folder the user gave, each with its path inside
 * the folder: from the directory picker (File System Access API), from an
 * `<input webkitdirectory>` (webkitRelativePath), or from a dropped folder
 * (DataTransferItem.webkitGetAsEntry). Only the extensions the app reads
 * are kept.
 */
import type { FolderFile } from '../../state/catalogStore.ts';
import { isAccepted } from '../readDropped.ts';

export interface PickedFolder {
  name: string;
  files: FolderFile[];
}

/** From an input with webkitdirectory: paths start with the folder's own name. */
export function folderFromInput(list: FileList | readonly File[]): PickedFolder {
  const all = Array.from(list);
  const files = all.filter((f) => isAccepted(f.name)).map((file) => ({ path: file.webkitRelativePath || file.name, file }));
  const first = all[0]?.webkitRelativePath.split('/')[0];
  return { name: first || 'the chosen files', files };
}

/** The part of FileSystemDirectoryHandle used (its async iteration is not in TypeScript's DOM lib here). */
interface DirHandle {
  kind: 'directory';
  name: string;
  values(): AsyncIterable<DirHandle | FileHandle>;
}
interface FileHandle {
  kind: 'file';
  name: string;
  getFile(): Promise<File>;
}

async function walkHandle(dir: DirHandle, prefix: string, out: FolderFile[]): Promise<void> {
  for await (const h of dir.values()) {
    const path = `${prefix}/${h.name}`;
    if (h.kind === 'directory') await walkHandle(h, path, out);
    else if (isAccepted(h.name)) out.push({ path, file: await h.getFile() });
  }
}

type PickerWindow = Window & { showDirectoryPicker?: (options?: { mode?: 'read' }) => Promise<DirHandle> };

export function hasDirectoryPicker(): boolean {
  return typeof (window as PickerWindow).showDirectoryPicker === 'function';
}

/** The directory picker; undefined when the user cancels. */
export async function pickFolder(): Promise<PickedFolder | undefined> {
  const picker = (window as PickerWindow).showDirectoryPicker;
  if (!picker) return undefined;
  let dir: DirHandle;
  try {
    dir = await picker({ mode: 'read' });
  } catch {
    return undefined; // AbortError: the user closed the dialog
  }
  const files: FolderFile[] = [];
  await walkHandle(dir, dir.name, files);
  return { name: dir.name, files };
}

function readAll(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const out: FileSystemEntry[] = [];
  return new Promise((resolve) => {
    const next = () =>
      reader.readEntries(
        (chunk) => {
          if (chunk.length === 0) resolve(out);
          else {
            out.push(...chunk);
            next();
          }
        },
        () => resolve(out),
      );
    next();
  });
}

async function walkEntry(entry: FileSystemEntry, out: FolderFile[]): Promise<void> {
  if (entry.isDirectory) {
    for (const e of await readAll(entry as FileSystemDirectoryEntry)) await walkEntry(e, out);
  } else if (entry.isFile && isAccepted(entry.name)) {
    const file = await new Promise<File | undefined>((resolve) => (entry as FileSystemFileEntry).file(resolve, () => resolve(undefined)));
    if (file) out.push({ path: entry.fullPath.replace(/^\//, ''), file });
  }
}

/** A dropped folder (or loose files); undefined when the drop held no folder or file. */
export async function folderFromDrop(dt: DataTransfer): Promise<PickedFolder | undefined> {
  const entries = Array.from(dt.items ?? [])
    .filter((i) => i.kind === 'file')
    .map((i) => i.webkitGetAsEntry?.())
    .filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return undefined;
  const files: FolderFile[] = [];
  for (const e of entries) await walkEntry(e, files);
  const dir = entries.find((e) => e.isDirectory);
  return { name: dir?.name ?? 'the dropped files', files };
}
