// Test plugin: each hook logs its context with a marker, then acts on what the hook input asks for.
(function () {
  var args = input.Args;
  var ctx = args.hookContext;
  if (!ctx) {
    log.Progress(0.5);
    log.Progress(2);
    return { Output: { mode: args.mode, extra: args.extra, given: args.given || null } };
  }
  log.Trace("TESTMARK " + JSON.stringify(ctx));
  var ask = ctx.input || {};
  if (ask.gql) {
    var data = gql.Do(ask.gql, { id: String(ctx.id) });
    log.Info("GQL " + JSON.stringify(data));
  }
  if (ask.gqlCatch) {
    try {
      gql.Do(ask.gqlCatch);
    } catch (e) {
      log.Warn("CAUGHT " + e.message);
    }
  }
  if (ask.console) {
    console.log(ask.console);
    console.warn(ask.console);
    console.error(ask.console);
    console.debug(ask.console);
    console.info(ask.console);
  }
  if (ask.sleep) {
    util.Sleep(ask.sleep);
    log.Info("SLEPT " + ask.sleep);
  }
  if (ask.java) {
    log.Info("JAVA " + [typeof java, typeof Packages, typeof JavaImporter, typeof getClass,
      typeof javax, typeof fetch, typeof require, typeof setTimeout].join(","));
  }
  if (ask.logObject) {
    log.Debug({ b: 2, a: "x<y", list: [1, 2.5, "z"], nested: { n: null } });
    log.Error([1, 2]);
    log.Info();
  }
  if (ask.server) {
    log.Info("SERVER " + JSON.stringify(input.ServerConnection));
    log.Info("ARGS " + JSON.stringify(Object.keys(args).sort()));
  }
  if (ask.undeclared) {
    undeclaredVariable = 1;
  }
  if (ask.fail) {
    throw new Error(ask.fail);
  }
  if (ask.returnError) {
    return { Error: ask.returnError };
  }
  return { Output: "ok " + args.mode };
})();
