/**
 * A "safe moment" is when nobody can lose their place: right after an idle reset on the kiosk's
 * home screen, or between two bulletin slides. The update manager waits for one before reloading.
 */
export type SafeMomentKind = 'kiosk-idle-reset' | 'bulletin-between-slides';
type Listener = (kind: SafeMomentKind) => void;

const listeners = new Set<Listener>();

export function onSafeMoment(listener: Listener): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

export function notifySafeMoment(kind: SafeMomentKind): void {
	for (const listener of listeners) listener(kind);
}
