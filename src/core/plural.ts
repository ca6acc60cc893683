/** "1 day", "3 days", "2 people": a count with its noun, for messages. */
export const plural = (n: number, one: string, many = `${one}s`) =>
  `${n} ${n === 1 ? one : many}`;
