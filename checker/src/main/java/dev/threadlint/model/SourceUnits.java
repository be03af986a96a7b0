package dev.threadlint.model;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import org.jspecify.annotations.Nullable;

/**
 * Whether a class or member is declared in a given compilation unit, so that the unit's own
 * analyses (summaries, locks, accesses) know it. javac gives every class entered from a unit that
 * unit's file object ({@code ClassSymbol.sourcefile} is the {@code JCCompilationUnit}'s), so
 * identity decides; {@code equals} on two source files compares their paths, and this test runs
 * on most calls of every file.
 */
public final class SourceUnits {
  private SourceUnits() {}

  /** Whether {@code cls} was declared in {@code unit}. */
  public static boolean declaredIn(@Nullable ClassSymbol cls, CompilationUnitTree unit) {
    return cls != null && cls.sourcefile != null && cls.sourcefile == unit.getSourceFile();
  }

  /** Whether the class that declares {@code member} was declared in {@code unit}. */
  public static boolean memberOf(Symbol member, CompilationUnitTree unit) {
    return declaredIn(member.enclClass(), unit);
  }
}
