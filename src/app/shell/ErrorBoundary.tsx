import { Component, type ReactNode } from 'react';

interface Props {
  /** Changing it clears a caught error (e.g. the file id). */
  resetKey: string;
  fallback(error: Error): ReactNode;
  children: ReactNode;
}

/** Keeps a crashing editor from taking the whole studio down. */
export class ErrorBoundary extends Component<Props, { error: Error | undefined; key: string }> {
  override state = { error: undefined as Error | undefined, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: { error: Error | undefined; key: string }) {
    return props.resetKey !== state.key ? { error: undefined, key: props.resetKey } : null;
  }

  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}
