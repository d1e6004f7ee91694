/**
 * The location's settings (issue 14), grouped: Ordering, Opening hours &
 * exceptions, Kitchen, Region. Each field shows its effective value and where
 * it comes from; a locked one is read-only and says why. The form checks with
 * the same schema as the server, and the server's words land by the field.
 * Saving names the version it read: if another manager saved first, the page
 * reloads theirs and keeps this manager's changes on top to look at again.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { settingsPatchSchema, type SettingKey } from '@ticketrail/shared';
import { trpc } from '../../api/client';
import { useEndedSession } from '../../auth/ended-session';
import { LoadError, Loading } from '../../components/States';
import { useManagedLocation } from '../location-context';
import { HoursFields } from './HoursFields';
import { KitchenFields } from './KitchenFields';
import { OrderingFields } from './OrderingFields';
import { RegionFields } from './RegionFields';
import type { FieldContext } from './SettingField';
import {
  changedKeys,
  changedValues,
  formMessages,
  serverMessages,
  type Draft,
  type SettingsView,
} from './settings-form';
import { UnsavedPrompt } from '../UnsavedPrompt';
import { useUnsavedWarning } from '../useUnsavedWarning';

const CONFLICT_WORDS =
  'Another manager saved these settings while you were editing. Their values are shown now; your unsaved changes are kept on top. Check them and save again.';

export function SettingsPage() {
  const location = useManagedLocation();
  const input = { locationId: location.id };
  const settings = trpc.settings.get.useQuery(input);
  const utils = trpc.useUtils();
  const [draft, setDraft] = useState<Draft>({});
  const [notice, setNotice] = useState('');
  const [conflict, setConflict] = useState(false);
  const [tried, setTried] = useState(false);
  const [resetting, setResetting] = useState<SettingKey | null>(null);
  const status = useRef<HTMLParagraphElement>(null);

  const afterWrite = (view: SettingsView) => {
    utils.settings.get.setData(input, view);
    setConflict(false);
  };
  const onRefused = (error: { data?: { code?: string } | null }) => {
    if (error.data?.code !== 'CONFLICT') return;
    setConflict(true);
    void settings.refetch();
    status.current?.focus();
  };
  const update = trpc.settings.update.useMutation({
    onSuccess: (view) => {
      afterWrite(view);
      setDraft({});
      setTried(false);
      setNotice('Settings saved. Open menus and boards have them now.');
    },
    onError: onRefused,
  });
  const reset = trpc.settings.reset.useMutation({
    onSuccess: (view, { keys }) => {
      afterWrite(view);
      setDraft((now) =>
        Object.fromEntries(
          Object.entries(now).filter(([key]) => !keys.includes(key as SettingKey)),
        ),
      );
      setNotice('Back to the inherited value.');
    },
    onError: onRefused,
    onSettled: () => setResetting(null),
  });
  const ended = useEndedSession(settings.error, update.error, reset.error);
  const dirty = settings.data ? changedKeys(settings.data, draft).length > 0 : false;
  const blocker = useUnsavedWarning(dirty && !update.isPending);

  useEffect(() => {
    document.title = `Settings · ${location.name}`;
  }, [location.name]);

  if (ended) return null;
  const head = (
    <div className="manage-page__head">
      <h2 id="settings-heading">Settings</h2>
    </div>
  );
  if (settings.isPending) {
    return (
      <section className="manage-page" aria-labelledby="settings-heading">
        {head}
        <Loading what="the settings" />
      </section>
    );
  }
  if (settings.isError) {
    return (
      <section className="manage-page" aria-labelledby="settings-heading">
        {head}
        <LoadError message={settings.error.message} onRetry={() => void settings.refetch()} />
      </section>
    );
  }

  const view = settings.data;
  const fromServer = serverMessages(update.error ?? reset.error);
  const fromForm = formMessages(view, draft);
  const messages = new Map([...fromServer.byField, ...(tried || dirty ? fromForm : [])]);
  const context: FieldContext = {
    view,
    draft,
    messages,
    set: (key, value) => {
      setDraft((now) => ({ ...now, [key]: value }));
      setNotice('');
      if (update.isError) update.reset();
      if (reset.isError) reset.reset();
    },
    reset: (key) => {
      setResetting(key);
      reset.mutate({ locationId: location.id, version: view.versions.location, keys: [key] });
    },
    resetting,
  };
  const changed = changedKeys(view, draft).length;

  const save = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (update.isPending || changed === 0) return;
    // The same schema the server parses with: what passes here is what it will be sent.
    const values = settingsPatchSchema.safeParse(changedValues(view, draft));
    if (fromForm.size > 0 || !values.success) {
      setNotice('Some settings need a look: see the messages by the fields.');
      return;
    }
    update.mutate({
      locationId: location.id,
      version: view.versions.location,
      values: values.data,
    });
  };

  return (
    <section className="manage-page settings-page" aria-labelledby="settings-heading">
      {head}
      <p className="muted">
        Each setting says where its value comes from: set here for this location, the installation’s
        default, the built-in default, or locked by the operator (read-only here).
      </p>
      {conflict ? (
        <p className="notice notice--warn" role="alert">
          {CONFLICT_WORDS}
        </p>
      ) : null}
      {fromServer.general && !conflict ? (
        <p className="notice notice--error" role="alert">
          {fromServer.general}
        </p>
      ) : null}
      <form className="settings-form" onSubmit={save} noValidate aria-labelledby="settings-heading">
        <div className="settings-groups">
          <OrderingFields context={context} />
          <KitchenFields context={context} />
          <HoursFields context={context} />
          <RegionFields context={context} />
        </div>
        <div className="settings-savebar">
          <p className="manage-notice" role="status" ref={status} tabIndex={-1}>
            {notice || (changed > 0 ? `${changed} unsaved change${changed === 1 ? '' : 's'}.` : '')}
          </p>
          <button
            type="button"
            className="button--quiet"
            disabled={changed === 0 || update.isPending}
            onClick={() => {
              setDraft({});
              setTried(false);
              update.reset();
            }}
          >
            Discard changes
          </button>
          <button type="submit" className="button" disabled={changed === 0 || update.isPending}>
            {update.isPending ? 'Saving…' : 'Save settings'}
          </button>
        </div>
      </form>
      <UnsavedPrompt
        blocker={blocker}
        question="Leave the settings? Your changes are not saved."
        floating
      />
    </section>
  );
}
