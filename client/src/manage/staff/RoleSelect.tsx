/** The role choice, with what a role change does said beside it when it matters. */
import { ROLE_CHOICES, isRole } from './staff-member';
import type { StaffRole } from '@ticketrail/shared';

export function RoleSelect({
  id,
  value,
  onChange,
  error,
  describedBy,
}: {
  id: string;
  value: StaffRole;
  onChange: (role: StaffRole) => void;
  error: string;
  /** Extra text the select is described by (besides its error). */
  describedBy?: string;
}) {
  return (
    <select
      id={id}
      value={value}
      aria-invalid={error ? true : undefined}
      aria-describedby={[`${id}-error`, describedBy].filter(Boolean).join(' ')}
      onChange={(event) => {
        if (isRole(event.target.value)) onChange(event.target.value);
      }}
    >
      {ROLE_CHOICES.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}
