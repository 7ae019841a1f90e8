/** A slice of a text: `text === source.slice(start, end)`. */
export interface TextSpan {
  text: string;
  start: number;
  end: number;
}
