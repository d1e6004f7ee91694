/**
 * A dish's photo: the one guests see, a new one chosen (previewed here, sent
 * with the save), or none. The type and size are checked before anything is
 * sent, with the server's own limits (shared PHOTO_TYPES, PHOTO_MAX_BYTES);
 * the server checks the bytes again and resizes it for phones.
 */
import { PHOTO_MAX_BYTES, PHOTO_TYPES } from '@ticketrail/shared';
import { useEffect, useRef, useState } from 'react';
import { FieldError, invalidProps } from './field-errors';

export type PhotoChange = { kind: 'keep' } | { kind: 'new'; file: File } | { kind: 'remove' };

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Why `file` cannot be a dish's photo; null when it can. */
export function photoProblem(file: Pick<File, 'type' | 'size'>): string | null {
  if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) {
    return 'A photo is a JPEG, PNG or WebP image.';
  }
  if (file.size > PHOTO_MAX_BYTES) {
    return `A photo is at most ${megabytes(PHOTO_MAX_BYTES)}; this one is ${megabytes(file.size)}.`;
  }
  return null;
}

/** The chosen file as a data URL to preview; null until read (or when none is chosen). */
function usePreview(file: File | null): string | null {
  const [read, setRead] = useState<{ file: File; url: string } | null>(null);
  useEffect(() => {
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      if (typeof reader.result === 'string') setRead({ file, url: reader.result });
    };
    reader.readAsDataURL(file);
    return () => reader.abort();
  }, [file]);
  return read && read.file === file ? read.url : null;
}

export function PhotoField({
  current,
  change,
  serverError,
  dishName,
  onChange,
}: {
  /** The saved photo's address, or null. */
  current: string | null;
  change: PhotoChange;
  serverError: string;
  dishName: string;
  onChange: (change: PhotoChange) => void;
}) {
  const [problem, setProblem] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const preview = usePreview(change.kind === 'new' ? change.file : null);
  const shown = change.kind === 'new' ? preview : change.kind === 'keep' ? current : null;
  const errors = { photo: problem || serverError };
  const name = dishName.trim() || 'the dish';

  return (
    <fieldset className="menu-editor__photo">
      <legend>Photo</legend>
      {shown ? (
        <img
          className="menu-editor__photo-preview"
          src={shown}
          alt={change.kind === 'new' ? `The new photo of ${name}` : `The photo of ${name}`}
        />
      ) : (
        <p className="muted">
          {change.kind === 'new' ? 'New photo chosen.' : 'No photo: guests see the name only.'}
        </p>
      )}
      <div className="menu-editor__photo-tools">
        <label className="menu-editor__field">
          {shown ? 'Choose another photo' : 'Choose a photo'}
          <input
            ref={input}
            type="file"
            accept={PHOTO_TYPES.join(',')}
            {...invalidProps(errors, 'photo')}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (!file) return;
              const refused = photoProblem(file);
              setProblem(refused ?? '');
              if (refused) event.target.value = '';
              else onChange({ kind: 'new', file });
            }}
          />
        </label>
        {change.kind === 'new' ? (
          <button
            type="button"
            className="button--quiet"
            onClick={() => {
              if (input.current) input.current.value = '';
              onChange({ kind: 'keep' });
            }}
          >
            Don’t use the new photo
          </button>
        ) : null}
        {change.kind === 'keep' && current ? (
          <button
            type="button"
            className="button--quiet button--quiet-danger"
            onClick={() => onChange({ kind: 'remove' })}
          >
            Remove the photo
          </button>
        ) : null}
        {change.kind === 'remove' ? (
          <button
            type="button"
            className="button--quiet"
            onClick={() => onChange({ kind: 'keep' })}
          >
            Keep the photo
          </button>
        ) : null}
      </div>
      <p className="menu-editor__hint">
        JPEG, PNG or WebP, at most {megabytes(PHOTO_MAX_BYTES)}. Saved with the dish.
      </p>
      <FieldError errors={errors} path="photo" />
    </fieldset>
  );
}
