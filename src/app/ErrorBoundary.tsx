import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Names the part in the message, e.g. "The architecture explorer". */
  readonly name: string;
  readonly children: ReactNode;
  /**
   * Puts back the last state that rendered (lastGoodState.tsx) before "Try again" renders the
   * part afresh; without it, the same state would throw the same error again.
   */
  readonly onRecover?: () => void;
}

interface State {
  readonly error: Error | null;
}

/**
 * Keeps one part's failure from taking the page down: the part is replaced by a message,
 * the rest of the lab and the person's settings stay as they were, and "Try again" recovers.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.name} failed`, error, info.componentStack);
  }

  private readonly tryAgain = (): void => {
    try {
      this.props.onRecover?.();
    } catch (error) {
      // A recovery that fails leaves the message up, with its own reason, rather than throwing.
      this.setState({ error: error instanceof Error ? error : new Error(String(error)) });
      return;
    }
    this.setState({ error: null });
  };

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="panel-error">
        <h2>{this.props.name} stopped working.</h2>
        <p>
          {this.props.onRecover
            ? 'Try again puts back the last network that worked; your other settings are kept in the address bar. If it keeps happening, copy the link and report it.'
            : 'Your settings are kept in the address bar. Try again, or choose another network; if it keeps happening, copy the link and report it.'}
        </p>
        <pre>{this.state.error.message}</pre>
        <button type="button" onClick={this.tryAgain}>
          Try again
        </button>
      </div>
    );
  }
}
