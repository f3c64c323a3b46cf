/** A field's visible label: its title, and "*" for a required one (the accessible name is "<title> *"). */
export function FieldLabel({ htmlFor, title, required }: { htmlFor: string; title: string; required: boolean }) {
  return (
    <label htmlFor={htmlFor}>
      {title}
      {required ? <span className="required"> *</span> : null}
    </label>
  );
}
