import { useEffect, useState } from 'react';
import { ExpressionCompiler, type Catalog } from '@flowline/core/design';
import { loadCatalog } from '@flowline/connectors/catalog';

export interface Design {
  readonly catalog: Catalog;
  readonly expressions: ExpressionCompiler;
}

/** The catalog (a lazy chunk) and one expression compiler, once loaded. */
export function useDesign(): Design | undefined {
  const [design, setDesign] = useState<Design>();
  useEffect(() => {
    let live = true;
    void loadCatalog().then((catalog) => {
      if (live) setDesign({ catalog, expressions: new ExpressionCompiler() });
    });
    return () => {
      live = false;
    };
  }, []);
  return design;
}
