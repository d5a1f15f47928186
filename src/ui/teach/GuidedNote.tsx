/** An explanation shown next to a plot in guided mode. */
import './teach.css';
export function GuidedNote({ id, text }: { id: string; text: string }) {
  return (
    <p className="guided-note" data-testid={`guide-${id}`}>
      {text}
    </p>
  );
}
