import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Names the panel in the message, e.g. "The architecture explorer". */
  readonly name: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/**
 * Keeps one panel's failure from taking the page down: the panel is replaced by
 * a message, the rest of the lab and the person's settings stay as they were.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.name} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="panel-error">
        <h2>{this.props.name} stopped working.</h2>
        <p>
          Your settings are kept in the address bar. Try again, or choose another network; if it
          keeps happening, copy the link and report it.
        </p>
        <pre>{this.state.error.message}</pre>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
