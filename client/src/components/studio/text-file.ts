// An uploaded .txt or .md file as article text: Markdown's markup is taken off (headings, emphasis,
// links, list marks), since the article is plain paragraphs separated by blank lines; a first-level
// heading at the top becomes the title. Anything that is not text is refused.

export interface ReadText {
  text: string;
  title?: string;
}

export function markdownToText(markdown: string): ReadText {
  let title: string | undefined;
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first >= 0 && /^#\s+/.test(lines[first]!)) {
    title = lines[first]!.replace(/^#\s+/, '').trim();
    lines.splice(first, 1);
  }
  const text = lines
    .map((l) =>
      l
        .replace(/^\s{0,3}#{1,6}\s+/, '') // headings stay as a line of their own
        .replace(/^\s{0,3}>\s?/, '')
        .replace(/^\s*[-*+]\s+/, '')
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
        .replace(/(\*\*|__)(.+?)\1/g, '$2')
        .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
        .replace(/`([^`]+)`/g, '$1'),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return title ? { text, title } : { text };
}

/** The file's text, or null when it is not a text file (a binary byte in it). */
export async function textFromFile(file: Blob & { name: string }): Promise<ReadText | null> {
  const raw = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
  if (raw.includes('\u0000')) return null;
  return /\.(md|markdown)$/i.test(file.name) ? markdownToText(raw) : { text: raw.replace(/\r\n?/g, '\n').trim() };
}
