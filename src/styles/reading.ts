/**
 * The sentence read-aloud is reading: marked in the system's own highlight colours, which hold in
 * high contrast and under forced colours alike, and underlined so it shows without colour too.
 * Where the Custom Highlight API is missing, the paragraph being read is outlined instead. A
 * highlight is styled only by the sheets of its own tree, so article-view carries this as well.
 */
export const READING_STYLES = `::highlight(pw-reading){background-color:Mark;color:MarkText;text-decoration:underline}[data-pw-reading]{outline:.2em solid;outline-offset:.2em}`;
