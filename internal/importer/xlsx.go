package importer

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// zipMagic starts every .xlsx workbook (an Office Open XML zip).
var zipMagic = []byte("PK\x03\x04")

// readXLSX reads the first worksheet of an .xlsx workbook (GTD is published
// as one, and ACLED's export tool offers one) as the CSV it would be saved
// as: rows stream from excelize into the CSV reader through a pipe, so a
// 200,000-row workbook is never held twice, and the layout is detected
// from its header exactly as for a CSV. Line numbers in messages are
// worksheet row numbers: newlines inside cells become spaces.
func readXLSX(r io.Reader, name string, o Options, flt *filter) (*Result, error) {
	wb, err := excelize.OpenReader(r)
	if err != nil {
		return nil, &Error{File: name, Reason: "not a readable .xlsx workbook: " + err.Error()}
	}
	defer wb.Close()
	sheets := wb.GetSheetList()
	if len(sheets) == 0 {
		return nil, &Error{File: name, Reason: "the workbook has no worksheet"}
	}
	rows, err := wb.Rows(sheets[0])
	if err != nil {
		return nil, &Error{File: name, Reason: fmt.Sprintf("worksheet %q cannot be read: %v", sheets[0], err)}
	}
	pr, pw := io.Pipe()
	go func() {
		defer rows.Close()
		w := csv.NewWriter(pw)
		ncol := -1
		var err error
		for rows.Next() {
			cols, e := rows.Columns()
			if e != nil {
				err = e
				break
			}
			if ncol < 0 {
				ncol = len(cols)
			}
			// excelize leaves out empty cells at the end of a row: put them
			// back so every row has the header's fields.
			for len(cols) < ncol {
				cols = append(cols, "")
			}
			for i, c := range cols {
				if strings.ContainsAny(c, "\r\n") {
					cols[i] = strings.Join(strings.Fields(c), " ")
				}
			}
			if err = w.Write(cols); err != nil {
				break
			}
		}
		if err == nil {
			err = rows.Error()
		}
		w.Flush()
		if err == nil {
			err = w.Error()
		}
		pw.CloseWithError(err)
	}()
	res, err := readCSV(pr, name, 0, o, flt)
	pr.CloseWithError(io.ErrClosedPipe) // the reader stopped early: let the writer end
	return res, err
}

func isXLSX(head []byte) bool { return bytes.HasPrefix(head, zipMagic) }
