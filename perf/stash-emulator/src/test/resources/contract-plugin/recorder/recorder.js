var ctx = input.Args.hookContext;
log.Trace("HOOK " + JSON.stringify({type: ctx.type, id: ctx.id, input: ctx.input, inputFields: ctx.inputFields}));
