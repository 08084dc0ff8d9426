import { useEffect, useRef, useState } from 'react';
import type { EditorProps } from '../editors/types';

/**
 * The file as text (XML / JSON) in a plain textarea: the "Source" view, the read-only view of old
 * versions, and the stand-in while a visual editor is not available. Outside changes to `content`
 * replace the text; the user's own edits are not echoed back into it.
 */
export function SourceEditor({ content, onChange, readOnly = false, label }: Pick<EditorProps, 'content'> & { onChange?: EditorProps['onChange']; readOnly?: boolean; label: string }) {
  const [text, setText] = useState(content);
  const lastEmitted = useRef(content);

  useEffect(() => {
    if (content !== lastEmitted.current) {
      lastEmitted.current = content;
      setText(content);
    }
  }, [content]);

  return (
    <textarea
      className="source-editor"
      data-testid="source-editor"
      aria-label={label}
      spellCheck={false}
      readOnly={readOnly}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        lastEmitted.current = e.target.value;
        onChange?.(e.target.value);
      }}
    />
  );
}
