// Emoji shortcodes (`:warning:`), as Marp and GitPitch show them: the common ones become the emoji; others stay as text.

const EMOJI: Record<string, string> = {
  warning: '⚠️',
  bulb: '💡',
  memo: '📝',
  pencil: '📝',
  pencil2: '✏️',
  book: '📖',
  books: '📚',
  question: '❓',
  exclamation: '❗',
  heavy_check_mark: '✔️',
  white_check_mark: '✅',
  x: '❌',
  star: '⭐',
  rocket: '🚀',
  tada: '🎉',
  smile: '😄',
  thinking: '🤔',
  point_right: '👉',
  eyes: '👀',
  fire: '🔥',
  heart: '❤️',
  '+1': '👍',
  thumbsup: '👍',
  earth_africa: '🌍',
  earth_americas: '🌎',
  earth_asia: '🌏',
  calendar: '📅',
  hourglass: '⌛',
  mag: '🔍',
  key: '🔑',
  bell: '🔔',
  link: '🔗',
  books_stack: '📚',
  microscope: '🔬',
  telescope: '🔭',
  computer: '💻',
  chart_with_upwards_trend: '📈',
  bar_chart: '📊',
  pushpin: '📌',
  stop_sign: '🛑',
  no_entry: '⛔',
  arrow_right: '➡️',
  arrow_left: '⬅️',
  sparkles: '✨',
  zap: '⚡',
  muscle: '💪',
  clap: '👏',
  wave: '👋',
  dart: '🎯',
};

/** Replace known shortcodes outside inline code; returns the line and the shortcodes replaced. */
export function replaceShortcodes(line: string): { text: string; replaced: string[] } {
  const replaced: string[] = [];
  const text = line
    .split(/(`[^`]*`)/)
    .map((piece, index) =>
      index % 2 === 1
        ? piece
        : piece.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => {
            const emoji = EMOJI[name];
            if (!emoji) return whole;
            replaced.push(whole);
            return emoji;
          }),
    )
    .join('');
  return { text, replaced };
}
