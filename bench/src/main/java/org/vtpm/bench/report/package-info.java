/** What the benchmark mains share to take their knobs and write their Markdown results. */
package org.vtpm.bench.report;
