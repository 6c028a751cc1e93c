// What validation left in the world, kept in one ledger that is persisted (GITHUB_STATE) on every change,
// so that the post step can remove it when the main step died before its own cleanup.
// Items hold record ids, zones, record names and file paths only: never a key or a secret.
/** A ledger that calls `persist` with every item still to remove, after each change. */
function createCleanupLedger(persist) {
    const items = [];
    return {
        add(item) {
            items.push(item);
            persist([...items]);
        },
        remove(item) {
            const at = items.indexOf(item);
            if (at < 0)
                return;
            items.splice(at, 1);
            persist([...items]);
        },
        items: () => [...items],
    };
}
/** A non-empty string field of a saved item. */
const isText = (value) => typeof value === 'string' && value !== '';
function ownedItems(ledger, remove) {
    const owned = [];
    return {
        add(item) {
            owned.push(item);
            ledger.add(item);
        },
        async removeAll() {
            for (const item of [...owned]) {
                if (await remove(item)) {
                    ledger.remove(item);
                    owned.splice(owned.indexOf(item), 1);
                }
            }
        },
    };
}

export { createCleanupLedger as c, isText as i, ownedItems as o };
