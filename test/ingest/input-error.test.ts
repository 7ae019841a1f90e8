import { describe, expect, it } from 'vitest';
import { InputError, MAX_INPUT_BYTES } from '../../src/ingest/input-error.js';

describe('InputError', () => {
  it('has a stable name, a code and a message', () => {
    const error = new InputError('empty', 'article.txt is empty.');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('InputError');
    expect(error.code).toBe('empty');
    expect(error.message).toBe('article.txt is empty.');
  });

  it('recognizes instances by name, also across module copies', () => {
    expect(InputError.isInstance(new InputError('binary', 'x'))).toBe(true);
    const lookalike = Object.assign(new Error('x'), { name: 'InputError', code: 'empty' });
    expect(InputError.isInstance(lookalike)).toBe(true);
    expect(InputError.isInstance(new Error('x'))).toBe(false);
    expect(InputError.isInstance(null)).toBe(false);
    expect(InputError.isInstance('InputError')).toBe(false);
  });

  it('limits inputs to 5 MB', () => {
    expect(MAX_INPUT_BYTES).toBe(5 * 1024 * 1024);
  });
});
