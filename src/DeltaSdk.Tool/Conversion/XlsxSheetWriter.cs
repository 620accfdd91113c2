using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DeltaSdk.Tool.Conversion;

/// <summary>
/// Writes one worksheet of rows to an .xlsx file with the Open XML SDK's forward-only <see cref="OpenXmlWriter"/>:
/// a header row, then text cells (inline strings) and number cells.
/// </summary>
internal sealed class XlsxSheetWriter : IDisposable
{
    /// <summary>The most rows a worksheet holds, the header included (Excel's limit).</summary>
    public const int MaxRows = 1_048_576;

    private readonly SpreadsheetDocument _document;
    private readonly OpenXmlWriter _writer;
    private readonly WorksheetPart _sheetPart;
    private readonly string _sheetName;
    private readonly HashSet<int> _numberColumns;
    private int _rows;
    private bool _finished;

    /// <summary>Initializes a new instance and writes the header row.</summary>
    /// <param name="destination">The stream (seekable); left open.</param>
    /// <param name="sheetName">The worksheet's name.</param>
    /// <param name="header">The column names.</param>
    /// <param name="numberColumns">The indexes of columns whose cells are numbers.</param>
    public XlsxSheetWriter(Stream destination, string sheetName, IReadOnlyList<string> header, IEnumerable<int> numberColumns)
    {
        _document = SpreadsheetDocument.Create(destination, SpreadsheetDocumentType.Workbook);
        _document.AddWorkbookPart();
        _sheetPart = _document.WorkbookPart!.AddNewPart<WorksheetPart>();
        _sheetName = sheetName;
        _numberColumns = [.. numberColumns];
        _writer = OpenXmlWriter.Create(_sheetPart);
        _writer.WriteStartElement(new Worksheet());
        _writer.WriteStartElement(new SheetData());
        WriteRow(header, header: true);
    }

    /// <summary>Writes a row.</summary>
    /// <param name="cells">The cells; <see langword="null"/> for an empty one.</param>
    /// <exception cref="ToolException">The sheet is full.</exception>
    public void WriteRow(IReadOnlyList<string?> cells) => WriteRow(cells, header: false);

    /// <summary>Closes the sheet and the workbook.</summary>
    public void Finish()
    {
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.Close();
        var workbookPart = _document.WorkbookPart!;
        workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(_sheetPart), SheetId = 1, Name = _sheetName }));
        workbookPart.Workbook.Save();
        _finished = true;
        _document.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_finished)
        {
            _writer.Dispose();
            _document.Dispose();
        }
    }

    private void WriteRow(IReadOnlyList<string?> cells, bool header)
    {
        if (++_rows > MaxRows)
        {
            throw new ToolException($"A worksheet holds at most {MaxRows - 1:N0} rows after its header; convert to .csv instead, which has no limit.");
        }

        _writer.WriteStartElement(new Row { RowIndex = (uint)_rows });
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not { } text)
            {
                continue;
            }

            var reference = ColumnName(i) + _rows.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!header && _numberColumns.Contains(i))
            {
                _writer.WriteElement(new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(text) });
            }
            else
            {
                _writer.WriteElement(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });
            }
        }

        _writer.WriteEndElement();
    }

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}
