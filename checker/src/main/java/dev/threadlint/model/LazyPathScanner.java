package dev.threadlint.model;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TreeScanner} that gives the path of the node it is at, like {@link TreePathScanner},
 * but builds {@link TreePath}s only when asked. The model scans every compilation unit several
 * times and asks for a path at few of its nodes; a {@code TreePath} per node visited was a large
 * part of each scan in the benchmark's profiles.
 */
public abstract class LazyPathScanner<R, P> extends TreeScanner<R, P> {
  private Tree[] trees = new Tree[64];
  /** The path of {@code trees[i]}, once built; null until asked for since that tree was entered. */
  private @Nullable TreePath[] paths = new TreePath[64];
  private int depth;
  /** The path above the first tree scanned, for scans that start below the compilation unit. */
  private @Nullable TreePath base;

  /** Scans the leaf of {@code path}, with its ancestors as the path above (not during a scan). */
  public R scan(TreePath path, P p) {
    if (depth != 0) {
      throw new IllegalStateException("scan(TreePath) inside a scan");
    }
    base = path.getParentPath();
    try {
      return scan(path.getLeaf(), p);
    } finally {
      base = null;
    }
  }

  @Override
  public R scan(Tree tree, P p) {
    if (tree == null) {
      return null;
    }
    if (depth == trees.length) {
      trees = Arrays.copyOf(trees, depth * 2);
      paths = Arrays.copyOf(paths, depth * 2);
    }
    trees[depth] = tree;
    paths[depth] = null;
    depth++;
    try {
      return tree.accept(this, p);
    } finally {
      depth--;
    }
  }

  /** The path of the node being visited (null before the scan starts). */
  public @Nullable TreePath getCurrentPath() {
    int built = depth - 1;
    while (built >= 0 && paths[built] == null) {
      built--;
    }
    TreePath path = built >= 0 ? paths[built] : base;
    for (int i = built + 1; i < depth; i++) {
      path = new TreePath(path, trees[i]);
      paths[i] = path;
    }
    return path;
  }
}
