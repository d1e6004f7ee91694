/**
 * The chime of a new ticket on the kitchen board and of a guest's order
 * coming up ready: two short tones made with Web Audio, so there is no sound
 * file to ship. Browsers only allow sound after the page was touched or a key
 * pressed; until then `playChime` does nothing and each screen says so.
 */
let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (typeof window === 'undefined' || typeof window.AudioContext !== 'function') return null;
  context ??= new window.AudioContext();
  return context;
}

/** Call from a tap or key press: that is when a browser lets a page make sound. */
export async function unlockSound(): Promise<boolean> {
  const ctx = audio();
  if (ctx && ctx.state === 'suspended') await ctx.resume();
  return soundAllowed();
}

export function soundAllowed(): boolean {
  return audio()?.state === 'running';
}

export function playChime(): void {
  const ctx = audio();
  if (!ctx || ctx.state !== 'running') return;
  const start = ctx.currentTime;
  for (const [offset, frequency] of [
    [0, 880],
    [0.18, 1320],
  ] as const) {
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.4, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.25);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.3);
  }
}
