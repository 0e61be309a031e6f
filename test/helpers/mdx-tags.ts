/**
 * The chapters' MDX as tests read it: the files, and the `<Name … />` tags of a component with
 * their attributes (outside code, where a tag is prose about the component, not a use of it).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CHAPTERS_DIR = resolve(import.meta.dirname, '../../content/chapters');

/** Every chapter: its file name and its text. */
export function chapters(): { file: string; mdx: string }[] {
  return readdirSync(CHAPTERS_DIR)
    .filter((f) => f.endsWith('.mdx'))
    .map((file) => ({ file, mdx: readFileSync(join(CHAPTERS_DIR, file), 'utf8') }));
}

/** `name="text"` and `name={json}` attributes of one MDX tag. */
export function attributes(tag: string): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const m of tag.matchAll(/(\w+)=(?:"([^"]*)"|\{([^}]*)\})/g)) props[m[1]] = m[2] ?? JSON.parse(m[3]);
  return props;
}

/** `<Name …/>` tags of a chapter, outside code, with their attributes. */
export function tags(mdx: string, name: string): Record<string, unknown>[] {
  const text = mdx.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(new RegExp(`<${name}\\b[^>]*?/>`, 'g'))].map((m) => attributes(m[0]));
}
