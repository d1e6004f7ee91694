/** The kitchen settings the board's tests run with: the defaults. Test code only. */
export const SETTINGS = {
  warnAfterMinutes: 8,
  lateAfterMinutes: 15,
  recallWindowMinutes: 5,
  readyBoardCollectedSeconds: 60,
};
