import { describeError } from '@/lib/errors';
import { StatusPanel } from './status-panel';

/** A page whose data could not be loaded: what failed, in words, and a way to try again. */
export function LoadFailedPanel({ title, error, onRetry }: { title: string; error: unknown; onRetry(): void }) {
  return (
    <StatusPanel
      kind="error"
      title={title}
      actions={
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      }
    >
      <p>{describeError(error)}</p>
    </StatusPanel>
  );
}
