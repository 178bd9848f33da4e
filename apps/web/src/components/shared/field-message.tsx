/** A validation or save error shown right under its field. */
export function FieldMessage({ id, error }: { id?: string; error?: string | undefined }) {
  if (!error) return null;
  return (
    <p id={id} role="alert" className="mt-0.5 text-xs text-red-700">
      {error}
    </p>
  );
}
