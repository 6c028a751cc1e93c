function emptyResult(status, orderId) {
    return { status, orderId, timeline: [], details: [] };
}

export { emptyResult as e };
