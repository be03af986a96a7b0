package dev.threadlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlint.config.ModelLoader;
import dev.threadlint.model.ThreadContext.Kind;
import dev.threadlint.model.ThreadModel.AnnotationRule;
import dev.threadlint.model.ThreadModel.AnnotationTarget;
import dev.threadlint.model.ThreadModel.AsyncKind;
import dev.threadlint.model.ThreadModel.AsyncRule;
import dev.threadlint.model.ThreadModel.AsyncType;
import dev.threadlint.model.ThreadModel.BlockingRule;
import dev.threadlint.model.ThreadModel.CallbackRule;
import dev.threadlint.model.ThreadModel.ChainRole;
import dev.threadlint.model.ThreadModel.EagerFactoryRule;
import dev.threadlint.model.ThreadModel.Framework;
import dev.threadlint.model.ThreadModel.LockAction;
import dev.threadlint.model.ThreadModel.LockMode;
import dev.threadlint.model.ThreadModel.LockRule;
import dev.threadlint.model.ThreadModel.ProxiedAsyncRule;
import dev.threadlint.model.ThreadModel.ReactiveType;
import dev.threadlint.model.ThreadModel.StreamModeRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.lang.model.SourceVersion;
import org.junit.jupiter.api.Test;

class ThreadModelParserTest {

  private static ThreadModel parse(String... lines) {
    return new ThreadModelParser()
        .parse("test.model", new StringReader(String.join("\n", lines)))
        .build();
  }

  /** The message of the error the lines raise. */
  private static String error(String... lines) {
    return assertThrows(ModelFormatException.class, () -> parse(lines)).getMessage();
  }

  // --- Every directive --------------------------------------------------------------------------

  @Test
  void framework() {
    ThreadModel model =
        parse("framework \"Spring WebFlux\" thread=\"a Netty event loop\" advice=\"use WebClient\"");

    Framework framework = model.framework("Spring WebFlux");
    assertEquals("a Netty event loop", framework.thread());
    assertEquals("use WebClient", framework.advice());
  }

  @Test
  void frameworkAdviceIsOptional() {
    assertEquals("", parse("framework JDK thread=\"a pool thread\"").framework("JDK").advice());
  }

  @Test
  void undeclaredFrameworkGetsAGenericThread() {
    assertEquals("a Foo thread", parse().framework("Foo").thread());
  }

  @Test
  void blockingAndNotBlocking() {
    ThreadModel model =
        parse(
            "blocking java.net.Socket#<init> what=\"connects a socket\"",
            "not-blocking java.net.Socket#<init>()",
            "blocking java.lang.Thread#join");

    List<BlockingRule> rules = model.blockingRules();
    assertEquals(3, rules.size());
    assertEquals("java.net.Socket#<init>", rules.get(0).member().toString());
    assertTrue(rules.get(0).blocking());
    assertEquals("connects a socket", rules.get(0).what());
    assertFalse(rules.get(1).blocking());
    assertEquals("blocks the thread", rules.get(2).what());
  }

  @Test
  void blockingAndNonBlockingAnnotations() {
    ThreadModel model =
        parse(
            "blocking-annotation org.jetbrains.annotations.Blocking",
            "non-blocking-annotation org.jetbrains.annotations.NonBlocking");

    assertEquals(List.of("org.jetbrains.annotations.Blocking"), model.blockingAnnotations());
    assertEquals(List.of("org.jetbrains.annotations.NonBlocking"), model.nonBlockingAnnotations());
  }

  @Test
  void callbackWithEveryKey() {
    ThreadModel model =
        parse(
            "callback io.vertx.ext.web.Route#handler context=event-loop framework=Vert.x arg=0"
                + " param=io.vertx.core.Handler rename=blockingHandler",
            "callback io.vertx.core.Vertx#setTimer context=event-loop arg=last",
            "callback java.lang.Iterable#forEach context=caller");

    CallbackRule full = model.callbackRules().get(0);
    assertEquals("io.vertx.ext.web.Route#handler", full.member().toString());
    assertEquals(Kind.EVENT_LOOP, full.kind());
    assertEquals("Vert.x", full.framework());
    assertEquals(0, full.argument());
    assertEquals("io.vertx.core.Handler", full.paramType());
    assertEquals("blockingHandler", full.renameTo());

    assertEquals(-1, model.callbackRules().get(1).argument());
    CallbackRule plain = model.callbackRules().get(2);
    assertEquals(Kind.CALLER, plain.kind());
    assertEquals("", plain.framework());
    assertNull(plain.argument());
    assertNull(plain.paramType());
    assertNull(plain.renameTo());
  }

  @Test
  void everyContextName() {
    ThreadModel model =
        parse(
            "override a.B#c1 context=event-loop",
            "override a.B#c2 context=ui-thread",
            "override a.B#c3 context=worker",
            "override a.B#c4 context=common-pool",
            "override a.B#c5 context=caller",
            "override a.B#c6 context=unknown framework=X");

    List<Kind> kinds = new ArrayList<>();
    model.overrideRules().forEach(rule -> kinds.add(rule.kind()));
    assertEquals(
        List.of(
            Kind.EVENT_LOOP, Kind.UI_THREAD, Kind.WORKER, Kind.COMMON_POOL, Kind.CALLER, Kind.UNKNOWN),
        kinds);
    assertEquals("X", model.overrideRules().get(5).framework());
  }

  @Test
  void annotatedWithEveryKey() {
    ThreadModel model =
        parse(
            "annotated org.springframework.web.bind.annotation.GetMapping context=event-loop"
                + " framework=\"Spring WebFlux\" on=method"
                + " class-annotated=org.springframework.stereotype.Controller,a.b.RestController"
                + " returns=org.reactivestreams.Publisher",
            "annotated androidx.annotation.UiThread on=any context=ui-thread",
            "annotated androidx.annotation.MainThread on=class context=ui-thread",
            "annotated androidx.annotation.WorkerThread context=worker");

    AnnotationRule full = model.annotationRules().get(0);
    assertEquals("org.springframework.web.bind.annotation.GetMapping", full.annotation());
    assertEquals(AnnotationTarget.METHOD, full.target());
    assertEquals(Kind.EVENT_LOOP, full.kind());
    assertEquals("Spring WebFlux", full.framework());
    assertEquals(
        Set.of("org.springframework.stereotype.Controller", "a.b.RestController"),
        full.classAnnotations());
    assertEquals("org.reactivestreams.Publisher", full.returns());

    assertEquals(AnnotationTarget.ANY, model.annotationRules().get(1).target());
    assertEquals(AnnotationTarget.CLASS, model.annotationRules().get(2).target());
    AnnotationRule plain = model.annotationRules().get(3);
    assertEquals(AnnotationTarget.METHOD, plain.target());
    assertTrue(plain.classAnnotations().isEmpty());
    assertNull(plain.returns());
  }

  @Test
  void reactiveTypesAndChains() {
    ThreadModel model =
        parse(
            "reactive reactor.core.publisher.Mono framework=Reactor"
                + " offload=\".publishOn(Schedulers.boundedElastic())\""
                + " offload-import=reactor.core.scheduler.Schedulers",
            "reactive reactor.core.publisher.ParallelFlux framework=Reactor",
            "reactive-source reactor.core.publisher.Mono#fromCallable",
            "publish-on reactor.core.publisher.Mono#publishOn",
            "subscribe-on reactor.core.publisher.Mono#subscribeOn",
            "scheduler reactor.core.scheduler.Schedulers#boundedElastic context=worker");

    ReactiveType mono = model.reactiveTypes().get(0);
    assertEquals("reactor.core.publisher.Mono", mono.type());
    assertEquals("Reactor", mono.framework());
    assertEquals(".publishOn(Schedulers.boundedElastic())", mono.offload());
    assertEquals("reactor.core.scheduler.Schedulers", mono.offloadImport());
    assertNull(model.reactiveTypes().get(1).offload());

    List<ChainRole> roles = new ArrayList<>();
    model.chainRules().forEach(rule -> roles.add(rule.role()));
    assertEquals(List.of(ChainRole.SOURCE, ChainRole.PUBLISH_ON, ChainRole.SUBSCRIBE_ON), roles);
    assertEquals(Kind.WORKER, model.schedulerRules().get(0).kind());
  }

  @Test
  void streamTypesAndModes() {
    ThreadModel model =
        parse(
            "stream java.util.stream.BaseStream",
            "stream-mode java.util.Collection#parallelStream parallel=true",
            "stream-mode java.util.stream.BaseStream#sequential parallel=false",
            "stream-mode java.util.stream.StreamSupport#stream arg=last",
            "stream-mode java.util.stream.StreamSupport#intStream arg=1");

    assertEquals(List.of("java.util.stream.BaseStream"), model.streamTypes());
    List<StreamModeRule> modes = model.streamModeRules();
    assertEquals("parallelStream", modes.get(0).member().exactName());
    assertEquals(Boolean.TRUE, modes.get(0).parallel());
    assertNull(modes.get(0).argument());
    assertEquals(Boolean.FALSE, modes.get(1).parallel());
    assertNull(modes.get(2).parallel());
    assertEquals(-1, modes.get(2).argument());
    assertEquals(1, modes.get(3).argument());
  }

  @Test
  void streamModeNeedsExactlyOneOfParallelAndArg() {
    assertTrue(error("stream-mode a.B#c").contains("needs either parallel=... or arg=..."));
    assertTrue(
        error("stream-mode a.B#c parallel=true arg=0").contains("needs either parallel=... or arg=..."));
    assertTrue(error("stream-mode a.B#c parallel=yes").contains("parallel= must be true or false"));
    assertTrue(error("stream a.B#c").contains("expected a qualified type name"));
  }

  @Test
  void sharingDirectives() {
    ThreadModel model =
        parse(
            "thread-safe java.util.concurrent.atomic.AtomicInteger",
            "thread-safe java.util.Hashtable legacy=true",
            "thread-safe-factory java.util.Collections#synchronized*",
            "not-thread-safe java.util.HashMap what=\"a resize can lose entries\"",
            "not-thread-safe java.util.ArrayList",
            "mutates java.util.Collection#add*",
            "thread-safe-annotation javax.annotation.concurrent.ThreadSafe",
            "thread-safe-annotation ThreadSafe",
            "serial-executor java.util.concurrent.Executors#newSingleThreadExecutor",
            "serial-executor-type io.netty.util.concurrent.EventExecutor",
            "serial-queue-type io.vertx.core.impl.TaskQueue");

    assertEquals(
        List.of("java.util.concurrent.atomic.AtomicInteger", "java.util.Hashtable"),
        model.threadSafeTypes());
    assertEquals(List.of("java.util.Hashtable"), model.legacyThreadSafeTypes());
    assertEquals("java.util.Collections#synchronized*", model.threadSafeFactories().get(0).toString());
    assertEquals("java.util.HashMap", model.unsafeTypes().get(0).type());
    assertEquals("a resize can lose entries", model.unsafeTypes().get(0).what());
    assertEquals("is not thread-safe", model.unsafeTypes().get(1).what());
    assertEquals("java.util.Collection#add*", model.mutators().get(0).toString());
    assertEquals(
        List.of("javax.annotation.concurrent.ThreadSafe", "ThreadSafe"), model.threadSafeAnnotations());
    assertEquals("newSingleThreadExecutor", model.serialExecutors().get(0).exactName());
    assertEquals(List.of("io.netty.util.concurrent.EventExecutor"), model.serialExecutorTypes());
    assertEquals(List.of("io.vertx.core.impl.TaskQueue"), model.serialQueueTypes());
    assertEquals(11, model.size());
  }

  @Test
  void sharingDirectiveErrors() {
    assertEquals(
        "test.model:1: legacy= must be true or false, not 'yes'",
        error("thread-safe java.util.Vector legacy=yes"));
    assertTrue(error("thread-safe java.util.Map#put").contains("expected a qualified type name"));
    assertTrue(error("not-thread-safe java.util.HashMap why=x").contains("does not take why="));
    assertTrue(error("mutates java.util.List#add context=worker").contains("does not take context="));
    assertTrue(error("thread-safe-annotation @ThreadSafe").contains("expected a qualified type name"));
  }

  @Test
  void eagerFactories() {
    ThreadModel model =
        parse(
            "eager-factory reactor.core.publisher.Mono#just lazy=fromCallable"
                + " offload=\".subscribeOn(Schedulers.boundedElastic())\""
                + " offload-import=reactor.core.scheduler.Schedulers",
            "eager-factory reactor.core.publisher.Flux#just");

    EagerFactoryRule mono = model.eagerFactoryRules().get(0);
    assertEquals("just", mono.member().exactName());
    assertEquals("fromCallable", mono.lazy());
    assertEquals(".subscribeOn(Schedulers.boundedElastic())", mono.offload());
    assertEquals("reactor.core.scheduler.Schedulers", mono.offloadImport());
    EagerFactoryRule flux = model.eagerFactoryRules().get(1);
    assertNull(flux.lazy());
    assertNull(flux.offload());
    assertNull(flux.offloadImport());
  }

  @Test
  void eagerFactoryNeedsLazyAndOffloadTogether() {
    assertTrue(
        error("eager-factory a.B#just lazy=fromCallable")
            .contains("needs lazy= and offload= together"));
    assertTrue(
        error("eager-factory a.B#just offload=\".x()\"").contains("needs lazy= and offload= together"));
  }

  @Test
  void subscribingCalls() {
    ThreadModel model = parse("subscribes reactor.core.publisher.Flux#subscribeWith");

    assertEquals("subscribeWith", model.subscribingCalls().get(0).exactName());
    assertEquals("reactor.core.publisher.Flux", model.subscribingCalls().get(0).type());
    assertTrue(error("subscribes a.B#c x=y").contains("does not take x="));
  }

  @Test
  void hotSources() {
    ThreadModel model = parse("hot-source org.reactivestreams.Processor");

    assertEquals(List.of("org.reactivestreams.Processor"), model.hotSourceTypes());
    assertTrue(error("hot-source a.B#c").contains("expected a qualified type name"));
  }

  @Test
  void proxiedAsync() {
    ThreadModel model =
        parse(
            "proxied-async org.springframework.scheduling.annotation.Async on=any framework=Spring",
            "proxied-async a.Async framework=X");

    ProxiedAsyncRule spring = model.proxiedAsyncRules().get(0);
    assertEquals("org.springframework.scheduling.annotation.Async", spring.annotation());
    assertEquals(AnnotationTarget.ANY, spring.target());
    assertEquals("Spring", spring.framework());
    assertEquals(AnnotationTarget.METHOD, model.proxiedAsyncRules().get(1).target());
    assertTrue(error("proxied-async a.Async on=class framework=X").contains("on= must be method or any"));
    assertTrue(error("proxied-async a.Async").contains("needs framework="));
  }

  @Test
  void doneCallback() {
    ThreadModel model = parse("done-callback javax.swing.SwingWorker#done");

    assertEquals(
        "javax.swing.SwingWorker#done", model.doneCallbackRules().get(0).member().toString());
    assertEquals(-1, model.doneCallbackRules().get(0).parameter());
  }

  @Test
  void doneCallbackOfAParameter() {
    ThreadModel model =
        parse("done-callback a.Listener#complete completed=param0", "done-callback a.Listener#both completed=param12");

    assertEquals(0, model.doneCallbackRules().get(0).parameter());
    assertEquals(12, model.doneCallbackRules().get(1).parameter());
    for (String bad : List.of("param", "paramX", "param-1", "parameter0", "param99999999999", "that")) {
      assertEquals(
          "test.model:1: completed= must be 'this' or param<N>, not '" + bad + "'",
          error("done-callback a.Listener#complete completed=" + bad));
    }
  }

  @Test
  void asyncTypes() {
    ThreadModel model =
        parse(
            "async-type java.util.concurrent.CompletionStage kind=future framework=JDK",
            "async-type reactor.core.publisher.Flux kind=publisher framework=Reactor values=many",
            "async-type java.util.concurrent.Future kind=future framework=JDK flattens=no");

    assertEquals(
        List.of(
            new AsyncType("java.util.concurrent.CompletionStage", AsyncKind.FUTURE, "JDK", false, true),
            new AsyncType("reactor.core.publisher.Flux", AsyncKind.PUBLISHER, "Reactor", true, true),
            new AsyncType("java.util.concurrent.Future", AsyncKind.FUTURE, "JDK", false, false)),
        model.asyncTypes());
    assertEquals(
        "test.model:1: flattens= must be yes or no, not 'maybe'",
        error("async-type a.F kind=future framework=X flattens=maybe"));
  }

  @Test
  void asyncCallRoles() {
    ThreadModel model =
        parse(
            "completed-value a.F#completed",
            "awaits a.F#join",
            "completion-check a.F#isDone",
            "all-of a.F#allOf",
            "sync-continuation a.F#then*",
            "side-effect **#log*",
            "not-side-effect **#login*");

    List<String> roles = new ArrayList<>();
    for (AsyncRule rule : model.asyncRules()) {
      roles.add(rule.role() + " " + rule.member());
    }
    assertEquals(
        List.of(
            "COMPLETED_VALUE a.F#completed",
            "AWAITS a.F#join",
            "COMPLETION_CHECK a.F#isDone",
            "ALL_OF a.F#allOf",
            "SYNC_CONTINUATION a.F#then*",
            "SIDE_EFFECT **#log*",
            "NOT_SIDE_EFFECT **#login*"),
        roles);
  }

  @Test
  void compose() {
    ThreadModel model = parse("compose a.F#thenApply with=thenCompose");

    assertEquals(List.of("thenCompose"), model.composeRules().get(0).with());
    assertEquals("a.F#thenApply", model.composeRules().get(0).member().toString());
  }

  @Test
  void composeTriesSeveralOperatorsInOrder() {
    ThreadModel model = parse("compose a.M#map with=flatMap,flatMapMany");

    assertEquals(List.of("flatMap", "flatMapMany"), model.composeRules().get(0).with());
  }

  @Test
  void badAsyncValues() {
    assertEquals(
        "test.model:1: kind= must be future or publisher, not 'promise'",
        error("async-type a.F kind=promise framework=X"));
    assertEquals(
        "test.model:1: values= must be one or many, not 'two'",
        error("async-type a.F kind=future framework=X values=two"));
    assertEquals(
        "test.model:1: 'async-type' needs framework=...", error("async-type a.F kind=future"));
    assertEquals("test.model:1: 'compose' needs with=...", error("compose a.F#map"));
    assertEquals(
        "test.model:1: with= must be method names, not 'a.b'", error("compose a.F#map with=a.b"));
    assertEquals(
        "test.model:1: expected type#method, got 'a.F'", error("awaits a.F"));
  }

  @Test
  void commentsBlankLinesAndIndentationAreSkipped() {
    ThreadModel model =
        parse("# a comment", "", "   ", "   # indented comment", "  blocking a.B#c   what=x  ");

    assertEquals(1, model.size());
    assertEquals("x", model.blockingRules().get(0).what());
  }

  @Test
  void quotedValuesKeepSpacesAndEquals() {
    ThreadModel model = parse("blocking a.B#c what=\"waits for a=b, then  sleeps\"");

    assertEquals("waits for a=b, then  sleeps", model.blockingRules().get(0).what());
  }

  @Test
  void emptyQuotedValue() {
    assertEquals("", parse("framework JDK thread=t advice=\"\"").framework("JDK").advice());
  }

  @Test
  void lockRules() {
    ThreadModel model =
        parse(
            "acquires java.util.concurrent.locks.Lock#lock",
            "acquires java.util.concurrent.locks.Lock#tryLock when=true",
            "acquires java.util.concurrent.locks.StampedLock#readLock mode=read",
            "releases java.util.concurrent.locks.StampedLock#unlock",
            "releases java.util.concurrent.locks.StampedLock#unlockWrite mode=write",
            "lock-view java.util.concurrent.locks.ReadWriteLock#readLock mode=read");

    List<LockRule> rules = model.lockRules();
    assertEquals(6, rules.size());
    assertEquals(LockAction.ACQUIRE, rules.get(0).action());
    assertNull(rules.get(0).mode());
    assertFalse(rules.get(0).whenTrue());
    assertTrue(rules.get(1).whenTrue());
    assertEquals(LockMode.READ, rules.get(2).mode());
    assertEquals(LockAction.RELEASE, rules.get(3).action());
    assertNull(rules.get(3).mode());
    assertEquals(LockMode.WRITE, rules.get(4).mode());
    assertEquals(LockAction.VIEW, rules.get(5).action());
    assertEquals("java.util.concurrent.locks.ReadWriteLock", rules.get(5).member().type());
  }

  @Test
  void lockWait() {
    ThreadModel model = parse("lock-wait java.util.concurrent.locks.Condition#await*");
    assertEquals(1, model.lockWaits().size());
    assertEquals("java.util.concurrent.locks.Condition", model.lockWaits().get(0).type());
    assertEquals("test.model:1: 'lock-wait' does not take mode=", error("lock-wait a.B#c mode=read"));
  }

  @Test
  void initializerAndDebugView() {
    ThreadModel model =
        parse(
            "initializer org.reactivestreams.Subscriber#onSubscribe",
            "debug-view java.lang.Object#toString",
            "pool-return io.netty.util.internal.ObjectPool.Handle#recycle");
    assertEquals("org.reactivestreams.Subscriber", model.initializers().get(0).type());
    assertEquals("java.lang.Object", model.debugViews().get(0).type());
    assertEquals("io.netty.util.internal.ObjectPool.Handle", model.poolReturns().get(0).type());
    assertEquals("test.model:1: 'debug-view' does not take context=", error("debug-view a.B#c context=worker"));
    assertEquals("test.model:1: 'pool-return' does not take context=", error("pool-return a.B#c context=worker"));
  }

  @Test
  void lockRuleErrors() {
    assertEquals(
        "test.model:1: mode= must be read or write, not 'both'",
        error("acquires a.L#lock mode=both"));
    assertEquals("test.model:1: when= can only be 'true', not 'false'", error("acquires a.L#tryLock when=false"));
    assertEquals("test.model:1: 'releases' does not take when=", error("releases a.L#unlock when=true"));
    assertEquals("test.model:1: 'lock-view' needs mode=read or mode=write", error("lock-view a.L#readLock"));
  }

  @Test
  void builtInJdkModelKnowsTheLocks() {
    ThreadModel model = builtIn("dev/threadlint/model/jdk.model");
    assertTrue(
        model.lockRules().stream()
            .anyMatch(r -> r.action() == LockAction.RELEASE && r.member().toString().contains("Lock#unlock")));
  }

  @Test
  void severalFilesAddUp() {
    ThreadModel model =
        new ThreadModelParser()
            .parse("one.model", new StringReader("blocking a.B#c"))
            .parse("two.model", new StringReader("blocking a.B#d"))
            .build();

    assertEquals(2, model.blockingRules().size());
    assertEquals(List.of("one.model", "two.model"), model.sources());
  }

  // --- Errors name the source and the line ------------------------------------------------------

  @Test
  void unknownDirective() {
    assertEquals(
        "name:3: unknown directive 'blockin'",
        assertThrows(
                ModelFormatException.class,
                () ->
                    new ThreadModelParser()
                        .parse(
                            "name",
                            new StringReader("# typo below\nblocking a.B#c\nblockin a.B#d\n")))
            .getMessage());
  }

  @Test
  void lineNumbersCountCommentsAndBlankLines() {
    assertEquals(
        "test.model:4: unknown directive 'overide'",
        error("# header", "", "blocking a.B#c", "overide a.B#d context=worker"));
  }

  @Test
  void unknownKey() {
    assertEquals(
        "test.model:1: 'blocking' does not take wat=", error("blocking a.B#c wat=\"typo\""));
  }

  @Test
  void keyThatBelongsToAnotherDirective() {
    assertEquals(
        "test.model:1: 'not-blocking' does not take what=",
        error("not-blocking a.B#c what=\"no\""));
    assertEquals(
        "test.model:1: 'override' does not take arg=",
        error("override a.B#c context=worker arg=0"));
  }

  @Test
  void missingRequiredKeys() {
    assertEquals("test.model:1: 'framework' needs thread=...", error("framework Foo advice=x"));
    assertEquals("test.model:1: 'callback' needs context=...", error("callback a.B#c arg=0"));
    assertEquals("test.model:1: 'override' needs context=...", error("override a.B#c"));
    assertEquals("test.model:1: 'annotated' needs context=...", error("annotated a.B on=any"));
    assertEquals("test.model:1: 'scheduler' needs context=...", error("scheduler a.B#c"));
    assertEquals("test.model:1: 'reactive' needs framework=...", error("reactive a.Flux"));
  }

  @Test
  void badContextValue() {
    String message = error("callback a.B#c context=eventloop");

    assertTrue(message.startsWith("test.model:1: context=eventloop is not one of "), message);
    for (String kind :
        List.of("event-loop", "ui-thread", "worker", "common-pool", "caller", "unknown")) {
      assertTrue(message.contains(kind), message);
    }
  }

  @Test
  void badArgValues() {
    assertEquals(
        "test.model:1: arg= must be a number or 'last', not 'first'",
        error("callback a.B#c context=worker arg=first"));
    assertEquals(
        "test.model:1: arg= must be a number or 'last', not '-2'",
        error("callback a.B#c context=worker arg=-2"));
    assertEquals(
        "test.model:1: arg= must be a number or 'last', not ''",
        error("callback a.B#c context=worker arg="));
  }

  @Test
  void badOnValue() {
    assertEquals(
        "test.model:1: on= must be method, class or any, not 'type'",
        error("annotated a.B on=type context=worker"));
  }

  @Test
  void unclosedQuote() {
    assertEquals("test.model:2: unclosed quote", error("", "blocking a.B#c what=\"waits"));
  }

  @Test
  void malformedMemberPattern() {
    assertEquals(
        "test.model:1: expected type#method, got 'java.lang.Thread.sleep'",
        error("blocking java.lang.Thread.sleep"));
    assertEquals(
        "test.model:1: unclosed parameter list in 'a.B#c(int'", error("blocking a.B#c(int"));
    assertEquals(
        "test.model:1: malformed parameter '' in 'a.B#c(int,)'", error("blocking a.B#c(int,)"));
  }

  @Test
  void annotationMustBeATypeName() {
    assertEquals(
        "test.model:1: expected a qualified type name, got 'a.B#c'",
        error("blocking-annotation a.B#c"));
    assertEquals(
        "test.model:1: expected a qualified type name, got 'a.*'", error("reactive a.* framework=X"));
  }

  @Test
  void missingArgument() {
    assertEquals(
        "test.model:1: expected '<directive> <argument> [key=value ...]'", error("blocking"));
  }

  @Test
  void attributeWithoutValue() {
    assertEquals("test.model:1: expected key=value, got 'what'", error("blocking a.B#c what"));
    assertEquals("test.model:1: expected key=value, got '=x'", error("blocking a.B#c =x"));
  }

  @Test
  void keyGivenTwice() {
    assertEquals("test.model:1: what= given twice", error("blocking a.B#c what=a what=b"));
  }

  @Test
  void unreadableSource() {
    Reader failing =
        new Reader() {
          @Override
          public int read(char[] buffer, int offset, int length) throws IOException {
            throw new IOException("disk on fire");
          }

          @Override
          public void close() {}
        };

    assertEquals(
        "broken.model: cannot be read: disk on fire",
        assertThrows(
                ModelFormatException.class,
                () -> new ThreadModelParser().parse("broken.model", failing))
            .getMessage());
  }

  // --- The built-in model files -----------------------------------------------------------------

  private static ThreadModel builtIn(String resource) {
    InputStream in = ModelLoader.class.getClassLoader().getResourceAsStream(resource);
    assertTrue(in != null, "missing resource " + resource);
    return new ThreadModelParser()
        .parse(resource, new InputStreamReader(in, StandardCharsets.UTF_8))
        .build();
  }

  @Test
  void everyBuiltInModelFileParses() {
    List<String> resources = ModelLoader.builtInModels();

    assertTrue(resources.size() >= 9, resources.toString());
    for (String resource : resources) {
      assertTrue(builtIn(resource).size() > 0, resource + " has no rules");
    }
  }

  @Test
  void everyTypeTheBuiltInModelsNameIsAValidName() {
    List<String> invalid = new ArrayList<>();
    for (String resource : ModelLoader.builtInModels()) {
      ThreadModel model = builtIn(resource);
      Consumer<String> type =
          name -> {
            if (!SourceVersion.isName(name)) {
              invalid.add(resource + ": '" + name + "'");
            }
          };
      Consumer<MemberPattern> member =
          pattern -> {
            if (pattern.isExactType()) {
              type.accept(pattern.type());
            } else if (!SourceVersion.isName(pattern.type().replace("**", "x").replace("*", "x"))) {
              invalid.add(resource + ": glob '" + pattern.type() + "'");
            }
          };
      model.blockingRules().forEach(rule -> member.accept(rule.member()));
      model.callbackRules().forEach(rule -> member.accept(rule.member()));
      model.callbackRules().stream()
          .filter(rule -> rule.paramType() != null)
          .forEach(rule -> type.accept(rule.paramType()));
      model.overrideRules().forEach(rule -> member.accept(rule.member()));
      model.chainRules().forEach(rule -> member.accept(rule.member()));
      model.schedulerRules().forEach(rule -> member.accept(rule.member()));
      model.doneCallbackRules().forEach(rule -> member.accept(rule.member()));
      model.lockRules().forEach(rule -> member.accept(rule.member()));
      model.lockWaits().forEach(member);
      model.initializers().forEach(member);
      model.debugViews().forEach(member);
      model.poolReturns().forEach(member);
      model.streamModeRules().forEach(rule -> member.accept(rule.member()));
      model.streamTypes().forEach(type);
      model.threadSafeTypes().forEach(type);
      model.threadSafeFactories().forEach(member);
      model.unsafeTypes().forEach(unsafe -> type.accept(unsafe.type()));
      model.mutators().forEach(member);
      model.threadSafeAnnotations().forEach(type);
      model.serialExecutors().forEach(member);
      model.serialExecutorTypes().forEach(type);
      model.serialQueueTypes().forEach(type);
      model.eagerFactoryRules().forEach(rule -> member.accept(rule.member()));
      model.subscribingCalls().forEach(member);
      model.hotSourceTypes().forEach(type);
      model.proxiedAsyncRules().forEach(rule -> type.accept(rule.annotation()));
      model.eagerFactoryRules().stream()
          .filter(rule -> rule.offloadImport() != null)
          .forEach(rule -> type.accept(rule.offloadImport()));
      model.blockingAnnotations().forEach(type);
      model.nonBlockingAnnotations().forEach(type);
      for (AnnotationRule rule : model.annotationRules()) {
        type.accept(rule.annotation());
        rule.classAnnotations().forEach(type);
        if (rule.returns() != null) {
          type.accept(rule.returns());
        }
      }
      for (ReactiveType reactive : model.reactiveTypes()) {
        type.accept(reactive.type());
        if (reactive.offloadImport() != null) {
          type.accept(reactive.offloadImport());
        }
      }
    }

    assertEquals(List.of(), invalid);
  }

  @Test
  void builtInModelsTogetherDeclareEveryFrameworkTheyUse() {
    ThreadModelParser parser = new ThreadModelParser();
    for (String resource : ModelLoader.builtInModels()) {
      InputStream in = ModelLoader.class.getClassLoader().getResourceAsStream(resource);
      parser.parse(resource, new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    ThreadModel model = parser.build();

    List<String> undeclared = new ArrayList<>();
    Consumer<String> declared =
        name -> {
          if (!name.isEmpty() && !model.frameworks.containsKey(name)) {
            undeclared.add(name);
          }
        };
    model.callbackRules().forEach(rule -> declared.accept(rule.framework()));
    model.overrideRules().forEach(rule -> declared.accept(rule.framework()));
    model.annotationRules().forEach(rule -> declared.accept(rule.framework()));
    model.reactiveTypes().forEach(rule -> declared.accept(rule.framework()));
    model.proxiedAsyncRules().forEach(rule -> declared.accept(rule.framework()));

    assertEquals(List.of(), undeclared);
  }
}
