// What a flow hands back: the low vocabulary of results that the flows produce and delivery reads.
function emptyResult(status, orderId) {
    return { status, orderId, timeline: [], details: [] };
}

export { emptyResult as e };
