package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.threadlint.model.ThreadModel.AnnotationRule;
import dev.threadlint.model.ThreadModel.AnnotationTarget;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Where annotations put code: {@code @NonBlocking}, {@code @UiThread}, WebFlux handler mappings. */
final class AnnotationContexts {
  private final ThreadModel model;
  private final ApiMatcher matcher;
  private final ContextPhrases phrases;

  /** The annotations the rules name: a symbol with none of them matches no rule. */
  private final List<String> annotations;

  AnnotationContexts(ThreadModel model, ApiMatcher matcher, ContextPhrases phrases) {
    this.model = model;
    this.matcher = matcher;
    this.phrases = phrases;
    this.annotations = model.annotationRules().stream().map(AnnotationRule::annotation).distinct().toList();
  }

  @Nullable ThreadContext contextOf(
      MethodSymbol method, AnnotationTarget where, VisitorState state) {
    Symbol annotated = where == AnnotationTarget.METHOD ? method : method.enclClass();
    if (annotated == null || !matcher.hasAnyAnnotation(annotated, annotations)) {
      return null; // most methods and classes: none of the rules' annotations, no rule to try
    }
    return firstMatchingRule(method, where, state);
  }

  /**
   * The context of the first rule that applies to a method whose member or class carries one of
   * the rules' annotations. Apart from {@link #contextOf}'s filter, which runs for every method,
   * so that the JIT compiles the filter without this.
   */
  private @Nullable ThreadContext firstMatchingRule(
      MethodSymbol method, AnnotationTarget where, VisitorState state) {
    for (AnnotationRule rule : model.annotationRules()) {
      boolean onMethod =
          where == AnnotationTarget.METHOD
              && rule.target() != AnnotationTarget.CLASS
              && matcher.hasAnnotation(method, rule.annotation());
      Symbol annotatedClass =
          where == AnnotationTarget.CLASS && rule.target() != AnnotationTarget.METHOD
              ? annotatedEnclosingClass(method, rule.annotation())
              : null;
      if (!onMethod && annotatedClass == null) {
        continue;
      }
      String classAnnotation = null;
      if (!rule.classAnnotations().isEmpty()) {
        classAnnotation = firstAnnotation(method.enclClass(), rule);
        if (classAnnotation == null) {
          continue;
        }
      }
      if (rule.returns() != null
          && !matcher.isSubtype(method.getReturnType(), rule.returns(), state)) {
        continue;
      }
      return ThreadContext.of(
          rule.kind(), reason(rule, method, onMethod, annotatedClass, classAnnotation), rule.framework());
    }
    return null;
  }

  /** Why the method runs in the rule's context: which annotation, on what, and what that means. */
  private String reason(
      AnnotationRule rule,
      MethodSymbol method,
      boolean onMethod,
      @Nullable Symbol annotatedClass,
      @Nullable String classAnnotation) {
    String simple = ContextPhrases.simpleName(rule.annotation());
    StringBuilder reason = new StringBuilder();
    if (onMethod) {
      reason.append("`").append(method.getSimpleName()).append("` is annotated `@").append(simple).append("`");
    } else {
      reason.append("its class `").append(annotatedClass.getSimpleName()).append("` is annotated `@").append(simple).append("`");
    }
    if (classAnnotation != null) {
      reason.append(" in a class annotated `@").append(ContextPhrases.simpleName(classAnnotation)).append("`");
    }
    if (rule.returns() != null) {
      reason.append(" and returns `").append(method.getReturnType().tsym.getSimpleName()).append("`");
    }
    if (rule.kind().forbidsBlocking()) {
      reason.append(", so ").append(phrases.calledOn(rule.kind(), rule.framework()).replace(" calls on ", " calls it on "));
    }
    return reason.toString();
  }

  /**
   * The method's own class, if it carries the annotation. Not the classes around it: an anonymous
   * or nested class in a {@code @UiThread} class is often a task handed to another thread (Android
   * lint reads class annotations the same way).
   */
  private @Nullable Symbol annotatedEnclosingClass(MethodSymbol method, String annotation) {
    ClassSymbol owner = method.enclClass();
    return owner != null && matcher.hasAnnotation(owner, annotation) ? owner : null;
  }

  private @Nullable String firstAnnotation(@Nullable ClassSymbol owner, AnnotationRule rule) {
    if (owner == null) {
      return null;
    }
    for (String annotation : rule.classAnnotations()) {
      if (matcher.hasAnnotation(owner, annotation)) {
        return annotation;
      }
    }
    return null;
  }
}
