import { describe, expect, it } from 'vitest';
import { parseClientFrame } from '../../../node/web/ws-protocol';

describe('parseClientFrame', () => {
  it('reads calls and authentication frames', () => {
    expect(parseClientFrame('{"id":1,"method":"getState"}', false)).toEqual({ kind: 'request', request: { id: 1, method: 'getState' } });
    expect(parseClientFrame(Buffer.from('{"id":"a","method":"setPaused","params":{"paused":true}}'), false)).toEqual({
      kind: 'request',
      request: { id: 'a', method: 'setPaused', params: { paused: true } },
    });
    expect(parseClientFrame('{"token":"abcdefghijklmnop"}', false)).toEqual({ kind: 'auth', token: 'abcdefghijklmnop' });
  });

  it.each([
    ['not json', null],
    ['"a string"', null],
    ['null', null],
    ['[]', null],
    ['{}', null],
    ['{"id":-1,"method":"getState"}', null],
    ['{"id":1.5,"method":"getState"}', null],
    ['{"id":{},"method":"getState"}', null],
    ['{"id":3,"method":"constructor"}', 3],
    ['{"id":3,"method":"__proto__"}', 3],
    ['{"id":4}', 4],
    ['{"id":5,"method":"getState","extra":1}', 5],
    ['{"id":"x","method":"getState","params":1e999}', 'x'],
  ])('answers %s with invalid-input (id %s)', (text, id) => {
    const frame = parseClientFrame(text, false);
    expect(frame.kind).toBe('invalid');
    if (frame.kind === 'invalid') {
      expect(frame.error.code).toBe('invalid-input');
      expect(frame.id).toBe(id);
    }
  });

  it('refuses binary frames', () => {
    expect(parseClientFrame(Buffer.from('{"id":1,"method":"getState"}'), true)).toMatchObject({ kind: 'invalid', id: null });
  });
});
