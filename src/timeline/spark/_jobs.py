"""DataFrame helpers: the parser as an Arrow UDF, timelines in and out of Spark."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from timeline._errors import QueryError, quoted
from timeline.columnar._args import ArgumentTypeError, check_timeline, shown
from timeline.columnar._deps import require
from timeline.columnar._parse import parse_dates as parse_column
from timeline.columnar._parse import parsed_type
from timeline.columnar._read import from_arrow
from timeline.columnar._table import arrow_schema, to_arrow
from timeline.model._timeline import Timeline

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql.types import DataType

__all__ = ["from_spark", "parse_dates", "parsed_spark_type", "to_spark"]


def _spark_type(kind: pa.DataType) -> DataType:
    """The Spark SQL type of an Arrow type used by `SCHEMA` and `parse_dates`."""
    pa = require("pyarrow")
    require("pyspark")
    from pyspark.sql import types as t

    if pa.types.is_date32(kind):
        return t.DateType()
    if pa.types.is_timestamp(kind):
        return t.TimestampType()
    if pa.types.is_int32(kind):
        return t.IntegerType()
    if pa.types.is_list(kind):
        return t.ArrayType(_spark_type(kind.value_type), containsNull=True)
    if pa.types.is_struct(kind):
        fields = [t.StructField(f.name, _spark_type(f.type), f.nullable) for f in kind]
        return t.StructType(fields)
    return t.StringType()


def parsed_spark_type() -> DataType:
    """The Spark type of the struct `parse_dates` adds (fields as in `timeline.columnar`).

    >>> parsed_spark_type().fieldNames()[-1]  # doctest: +SKIP
    'error'
    """
    return _spark_type(parsed_type())


def parse_dates(
    df: DataFrame,
    column: str,
    *,
    reference_column: str | None = None,
    into: str | None = None,
) -> DataFrame:
    """``df`` plus ``column`` parsed: a struct column named ``into`` (``{column}_parsed``).

    ``reference_column`` holds the day each text was said (a date, timestamp or
    ISO text; null where unknown), which relative phrases need. A text that is
    not a date gets null fields and its reason in ``error``; the job never fails
    for a row. Runs batch by batch in the executors (``mapInArrow``).

    >>> rows = spark.createDataFrame([("Q2 2026",)], "text string")  # doctest: +SKIP
    >>> parse_dates(rows, "text").select("text_parsed.could_end").collect()  # doctest: +SKIP
    [Row(could_end=datetime.date(2026, 6, 30))]
    """
    require("pyarrow")
    require("pyspark")
    from pyspark.sql import types as t

    _check_frame(df, "parse_dates")
    names = df.columns
    for name, role in ((column, "column"), (reference_column, "reference_column")):
        if name is None and role == "reference_column":
            continue
        if not isinstance(name, str):
            raise ArgumentTypeError(
                f"parse_dates: {role} is a column name (text), got {shown(name)}; "
                f"columns are {names}"
            )
        if name not in names:
            raise QueryError(
                f"parse_dates: {role} {quoted(name)} is not a column; columns are {names}"
            )
    if into is not None and not isinstance(into, str):
        raise ArgumentTypeError(
            f"parse_dates: into is the new column's name (text), got {shown(into)}"
        )
    if into == "":
        raise QueryError("parse_dates: into='' is no column name; pass into='a_name' or leave it")
    out = into or f"{column}_parsed"
    if out in names:
        raise QueryError(
            f"parse_dates: the DataFrame already has a column {quoted(out)}; pass into='another'"
        )
    schema = t.StructType([*df.schema.fields, t.StructField(out, parsed_spark_type(), True)])

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        import pyarrow as pa

        for batch in batches:
            texts = batch.column(column)
            references = None if reference_column is None else batch.column(reference_column)
            parsed = parse_column(texts, reference=references)
            yield pa.RecordBatch.from_arrays(
                [*batch.columns, parsed], names=[*batch.schema.names, out]
            )

    result: DataFrame = df.mapInArrow(run, schema)
    return result


def _check_frame(df: object, where: str) -> None:
    """Nothing if ``df`` is a Spark DataFrame (classic or Spark Connect), else our error."""
    if not (hasattr(df, "mapInArrow") and hasattr(df, "schema") and hasattr(df, "columns")):
        raise ArgumentTypeError(
            f"{where}: expected a Spark DataFrame, got {shown(df)}; "
            "make one with spark.createDataFrame(...) or spark.read.parquet(...)"
        )


def to_spark(timeline: Timeline, spark: SparkSession) -> DataFrame:
    """The timeline as a Spark DataFrame with the columns of `timeline.columnar.SCHEMA`.

    >>> to_spark(Timeline([Event(title="x", when="2026-04")]), spark).select("id").collect()
    ... # doctest: +SKIP
    [Row(id='x')]
    """
    pa = require("pyarrow")
    check_timeline(timeline, "to_spark")
    if not callable(getattr(spark, "createDataFrame", None)):
        raise ArgumentTypeError(
            f"to_spark: expected a SparkSession, got {shown(spark)}; "
            "give SparkSession.builder.getOrCreate()"
        )
    table = to_arrow(timeline)
    schema: Any = _with_metadata(_spark_type(pa.struct(list(arrow_schema()))), table)
    try:
        # Spark 4 takes an Arrow table as it is.
        result: DataFrame = spark.createDataFrame(table, schema=schema)
    except (TypeError, ValueError):
        # Spark 3.5 takes rows; the nested values are plain dicts and lists.
        result = spark.createDataFrame(table.to_pylist(), schema=schema)
    return result


# The key of the Spark column metadata that holds the timeline's own fields.
_METADATA = "timeline"


def _with_metadata(schema: Any, table: pa.Table) -> Any:
    """``schema`` with the table's metadata (name, description, fiscal years) on every
    column's Spark metadata, so any selection of columns keeps it."""
    from pyspark.sql import types as t

    metadata = {k.decode(): v.decode() for k, v in (table.schema.metadata or {}).items()}
    if not metadata:
        return schema
    fields = [t.StructField(f.name, f.dataType, f.nullable, {_METADATA: metadata}) for f in schema]
    return t.StructType(fields)


def _metadata_of(df: DataFrame) -> dict[bytes, bytes]:
    """The timeline metadata `to_spark` put on the DataFrame's columns (the first found)."""
    for field in df.schema.fields:
        found = (field.metadata or {}).get(_METADATA)
        if isinstance(found, dict):
            return {str(k).encode(): str(v).encode() for k, v in found.items()}
    return {}


def from_spark(
    df: DataFrame,
    *,
    name: str | None = None,
    description: str | None = None,
    fiscal_years: Mapping[str, int | str] | None = None,
) -> Timeline:
    """The timeline a DataFrame holds (as `to_spark` makes it, or any title/when rows).

    Collects to the driver: filter and select in Spark first. ``name``,
    ``description`` and ``fiscal_years`` default to those `to_spark` wrote in the
    columns' metadata (a selection of columns keeps them).

    >>> from_spark(to_spark(tl, spark)) == tl  # doctest: +SKIP
    True
    """
    pa = require("pyarrow")
    _check_frame(df, "from_spark")
    to_arrow_table: Any = getattr(df, "toArrow", None)
    if to_arrow_table is not None:  # Spark 4
        table = to_arrow_table()
    else:  # Spark 3.5
        legacy: Any = df
        table = pa.Table.from_batches(legacy._collect_as_arrow())
    metadata = _metadata_of(df)
    if metadata:
        table = table.replace_schema_metadata({**(table.schema.metadata or {}), **metadata})
    return from_arrow(table, name=name, description=description, fiscal_years=fiscal_years)
