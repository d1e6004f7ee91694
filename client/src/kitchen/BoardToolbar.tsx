/**
 * The board's buttons, in the page's header: recall, the all-day and 86
 * panels, sound, and the notices that say why a move was refused.
 */
import type { LastBump } from './useBoardMoves';
import type { Notice } from './useNotices';
import { useNow } from '../lib/clock';

export type Panel = 'all-day' | '86' | null;

/** Recall, while the last bump is young enough; ticks on its own so the board does not. */
function RecallButton({
  lastBump,
  windowMinutes,
  onRecall,
}: {
  lastBump: LastBump | null;
  windowMinutes: number;
  onRecall: () => void;
}) {
  const now = useNow();
  const open = lastBump !== null && now - lastBump.at < windowMinutes * 60_000;
  return (
    <button
      type="button"
      className="toolbar-button"
      disabled={!open}
      onClick={onRecall}
      title="Bring back the last bumped ticket"
    >
      Recall{open ? ` ${lastBump.ticket.displayNumber}` : ''}
    </button>
  );
}

export function BoardToolbar({
  lastBump,
  recallWindowMinutes,
  onRecall,
  panel,
  onTogglePanel,
  muted,
  onToggleMute,
  notices,
  onDismiss,
}: {
  lastBump: LastBump | null;
  recallWindowMinutes: number;
  onRecall: () => void;
  panel: Panel;
  onTogglePanel: (which: Exclude<Panel, null>) => void;
  muted: boolean;
  onToggleMute: () => void;
  notices: readonly Notice[];
  onDismiss: (key: number) => void;
}) {
  return (
    <div className="kitchen__toolbar">
      <RecallButton lastBump={lastBump} windowMinutes={recallWindowMinutes} onRecall={onRecall} />
      <button
        type="button"
        className="toolbar-button"
        aria-pressed={panel === 'all-day'}
        onClick={() => onTogglePanel('all-day')}
      >
        All day
      </button>
      <button
        type="button"
        className="toolbar-button"
        aria-pressed={panel === '86'}
        onClick={() => onTogglePanel('86')}
      >
        86 items
      </button>
      <button type="button" className="toolbar-button" aria-pressed={!muted} onClick={onToggleMute}>
        {muted ? 'Sound off' : 'Sound on'}
      </button>
      <div className="kitchen-notices" role="alert" aria-live="assertive">
        {notices.map((notice) => (
          <p key={notice.key} className="kitchen-notice">
            {notice.message}
            <button type="button" aria-label="Dismiss" onClick={() => onDismiss(notice.key)}>
              ×
            </button>
          </p>
        ))}
      </div>
    </div>
  );
}
