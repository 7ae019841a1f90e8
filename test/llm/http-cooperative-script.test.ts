import { describe, expect, it } from 'vitest';
import { kindOf } from '../helpers/fake-llm.js';
import { toCompletionRequest, toScriptedResponse } from '../helpers/http-cooperative-script.js';
import type { RecordedRequest } from '../helpers/scripted-http-server.js';

const recorded = (body: unknown): RecordedRequest => ({
  method: 'POST',
  path: '/v1/chat/completions',
  headers: {},
  body,
  rawBody: JSON.stringify(body),
});

describe('http-cooperative-script', () => {
  it('reads a chat completions body back: messages, text parts joined, the json_schema format', () => {
    const request = toCompletionRequest(
      recorded({
        model: 'm',
        temperature: 0.3,
        max_tokens: 500,
        messages: [
          { role: 'system', content: 'Règles' },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Prépare le plan' },
              { type: 'text', text: ' du texte' },
            ],
          },
        ],
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'plume_plan', schema: { type: 'object' } },
        },
      }),
    );
    expect(request).toEqual({
      messages: [
        { role: 'system', content: 'Règles' },
        { role: 'user', content: 'Prépare le plan du texte' },
      ],
      jsonSchema: { name: 'plume_plan', schema: { type: 'object' } },
      temperature: 0.3,
      maxOutputTokens: 500,
    });
    expect(kindOf(request)).toBe('plan');
    expect(
      toCompletionRequest(recorded({ messages: [], response_format: { type: 'json_object' } })).jsonSchema
        ?.name,
    ).toBe('json');
  });

  it('reads an Anthropic body back: system first, merged user parts split, the json tool as a schema', () => {
    const request = toCompletionRequest(
      recorded({
        system: [{ type: 'text', text: 'Règles' }],
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Prépare le plan' },
              { type: 'text', text: 'Ta réponse n’était pas un JSON valide' },
            ],
          },
        ],
        tools: [{ name: 'json', input_schema: { type: 'object' } }],
        tool_choice: { type: 'any' },
      }),
      'anthropic',
    );
    expect(request.messages.map((message) => message.role)).toEqual(['system', 'user', 'user']);
    expect(request.messages[1]?.content).toBe('Prépare le plan');
    expect(request.jsonSchema).toEqual({ name: 'json', schema: { type: 'object' } });
    expect(kindOf(request)).toBe('plan');
  });

  it.each([
    ['text', 'Bonjour', 'openai', { content: 'Bonjour' }],
    [
      'a cut result',
      { text: 'Bonj', finishReason: 'length', usage: { inputTokens: 3, outputTokens: 1 } },
      'anthropic',
      { content: 'Bonj', finishReason: 'max_tokens', usage: { inputTokens: 3, outputTokens: 1 } },
    ],
    [
      'a filtered result',
      { text: '', finishReason: 'content-filter' },
      'openai',
      { content: '', finishReason: 'content_filter' },
    ],
    ['an error', new Error('panne'), 'openai', { status: 500, errorMessage: 'panne' }],
    [
      'a raw answer',
      { http: { status: 429, headers: { 'retry-after': '2' } } },
      'openai',
      { status: 429, headers: { 'retry-after': '2' } },
    ],
  ] as const)('turns %s into the server answer', (_name, answer, wire, expected) => {
    expect(toScriptedResponse(answer as Parameters<typeof toScriptedResponse>[0], wire)).toEqual(expected);
  });
});
