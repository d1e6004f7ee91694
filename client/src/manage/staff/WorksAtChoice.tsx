/**
 * Which of the manager's locations someone works at: a box per location,
 * shown only to a manager of more than one. Taking someone off a location
 * signs them out (their screens there must stop), so the form says so.
 */
export function WorksAtChoice({
  id,
  places,
  chosen,
  onChange,
  error,
  signsOut,
}: {
  id: string;
  places: readonly { id: number; name: string }[];
  chosen: readonly number[];
  onChange: (locationIds: number[]) => void;
  error: string;
  /** A location is being taken away: say what that does. */
  signsOut: boolean;
}) {
  return (
    <fieldset
      className="staff-places"
      aria-describedby={`${id}-error${signsOut ? ` ${id}-hint` : ''}`}
    >
      <legend>Works at</legend>
      {places.map((place) => (
        <label key={place.id} className="staff-places__choice">
          <input
            type="checkbox"
            checked={chosen.includes(place.id)}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? [...chosen, place.id].sort((a, b) => a - b)
                  : chosen.filter((candidate) => candidate !== place.id),
              )
            }
          />
          {place.name}
        </label>
      ))}
      {signsOut ? (
        <p id={`${id}-hint`} className="staff-field__hint">
          Taking them off a location signs them out on every screen at once.
        </p>
      ) : null}
      <p id={`${id}-error`} className="form__error" role="alert">
        {error}
      </p>
    </fieldset>
  );
}
