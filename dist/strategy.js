/** A handler of one challenge method as a handler of any: the strategy routes by method, so no other comes. */
function forMethod(method, handler) {
    return {
        present: (challenge, domains) => challenge.method === method
            ? handler.present(challenge, domains)
            : Promise.reject(new Error(`a ${method} handler was given a ${challenge.method} challenge`)),
        cleanup: () => handler.cleanup(),
    };
}

export { forMethod as f };
