/**
 * Python highlighting for the Code panel with highlight.js's core and its Python grammar
 * only (not the 190-language bundle). highlight.js escapes the text it is given, so a network
 * named `<script>` comes out as text; the panel sets the result as HTML for that reason only.
 */
import hljs from 'highlight.js/lib/core';
import python from 'highlight.js/lib/languages/python';

hljs.registerLanguage('python', python);

/** The script as highlighted HTML (every character of the input escaped). */
export function highlightPython(code: string): string {
  return hljs.highlight(code, { language: 'python', ignoreIllegals: true }).value;
}
