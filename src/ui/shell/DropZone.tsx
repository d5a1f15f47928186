/**
 * Where files come in: drop files or whole folders anywhere on the zone, or
 * choose them with the file input (multiple).
 */
import { useState, type DragEvent } from 'react';
import { ACCEPT_ATTRIBUTE, filesFromDataTransfer, isAccepted } from '../readDropped.ts';

export interface DropZoneProps {
  onFiles(files: File[]): void;
  onExamples(): void;
}

export function DropZone({ onFiles, onExamples }: DropZoneProps) {
  const [over, setOver] = useState(false);
  const [note, setNote] = useState<string | undefined>();
  const take = (files: File[], offered: number) => {
    setNote(files.length < offered ? `${offered - files.length} file(s) skipped: not .fits, .fits.gz, .csv or .txt` : undefined);
    if (files.length > 0) onFiles(files);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const offered = e.dataTransfer.items?.length ?? e.dataTransfer.files.length;
    void filesFromDataTransfer(e.dataTransfer).then((files) => take(files, Math.max(offered, files.length)));
  };
  return (
    <div
      className={`dropzone${over ? ' over' : ''}`}
      data-testid="dropzone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <span className="dropzone-text">Drop spectra or folders here (FITS, .fits.gz, CSV/text), or</span>
      <label className="button">
        choose files
        <input
          type="file"
          multiple
          accept={ACCEPT_ATTRIBUTE}
          data-testid="file-input"
          onChange={(e) => {
            const all = Array.from(e.target.files ?? []);
            take(all.filter((f) => isAccepted(f.name)), all.length);
            e.target.value = '';
          }}
        />
      </label>
      <button type="button" onClick={onExamples}>
        examples
      </button>
      {note && <span className="dropzone-note">{note}</span>}
    </div>
  );
}
