import { describe, expect, it } from 'vitest';
import { readTrackingAddress, trackingHref } from './tracking-link';

const ORDER = '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f';
const at = (path: string) => readTrackingAddress(new URL(path, 'https://food.example'));

describe('tracking links', () => {
  it('carry the token in the fragment, encoded', () => {
    expect(trackingHref(ORDER, 'abc_DEF-123')).toBe(`/track/${ORDER}#token=abc_DEF-123`);
    expect(trackingHref(ORDER, 'a+b/c=')).toBe(`/track/${ORDER}#token=a%2Bb%2Fc%3D`);
    expect(at(trackingHref(ORDER, 'a+b/c='))).toEqual({ token: 'a+b/c=', rewrite: null });
  });

  it('read an old link’s query token and say where the address moves to', () => {
    expect(at(`/track/${ORDER}?token=abc`)).toEqual({
      token: 'abc',
      rewrite: `/track/${ORDER}#token=abc`,
    });
    // The rest of the query stays.
    expect(at(`/track/${ORDER}?from=receipt&token=abc`)).toEqual({
      token: 'abc',
      rewrite: `/track/${ORDER}?from=receipt#token=abc`,
    });
  });

  it('prefer the fragment, and still take the token out of the query', () => {
    expect(at(`/track/${ORDER}?token=old#token=new`)).toEqual({
      token: 'new',
      rewrite: `/track/${ORDER}#token=new`,
    });
    expect(at(`/track/${ORDER}?token=old#token=`)).toEqual({
      token: 'old',
      rewrite: `/track/${ORDER}#token=old`,
    });
  });

  it('have no token when neither part holds one', () => {
    expect(at(`/track/${ORDER}`)).toEqual({ token: null, rewrite: null });
    expect(at(`/track/${ORDER}#section`)).toEqual({ token: null, rewrite: null });
    expect(at(`/track/${ORDER}?token=`)).toEqual({ token: null, rewrite: null });
  });
});
