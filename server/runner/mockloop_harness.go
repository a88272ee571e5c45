// Mockloop's test harness for Go, built into the candidate's package main inside the sandbox.
// It calls the entry once per test with the arguments from /src/args.json, converted to the
// function's own parameter types, and writes one JSON line per call to file descriptor 3. Pass
// or fail is the server's to decide; expected values never come here.

package main

import (
	mockloopBytes "bytes"
	mockloopJSON "encoding/json"
	mockloopFmt "fmt"
	mockloopMath "math"
	mockloopOS "os"
	mockloopReflect "reflect"
	mockloopRegexp "regexp"
	mockloopDebug "runtime/debug"
	mockloopSort "sort"
	mockloopStrconv "strconv"
	mockloopTime "time"
)

func main() {
	mockloopRunTests(MOCKLOOP_ENTRY)
}

func mockloopRunTests(entry interface{}) {
	results := mockloopOS.NewFile(3, "results")
	raw, err := mockloopOS.ReadFile("/src/args.json")
	if err != nil {
		panic(err)
	}
	decoder := mockloopJSON.NewDecoder(mockloopBytes.NewReader(raw))
	decoder.UseNumber()
	var calls []interface{}
	if err := decoder.Decode(&calls); err != nil {
		panic(err)
	}
	fn := mockloopReflect.ValueOf(entry)
	for i, call := range calls {
		started := mockloopTime.Now()
		value, callErr := mockloopCall(fn, call)
		ms := float64(mockloopTime.Since(started).Nanoseconds()) / 1e6
		line := []byte(mockloopFmt.Sprintf(`{"i":%d,"ms":%s,`, i, mockloopStrconv.FormatFloat(ms, 'f', -1, 64)))
		if callErr != nil {
			quoted, _ := mockloopJSON.Marshal(callErr.Error())
			line = append(line, `"error":`...)
			line = append(line, quoted...)
		} else {
			line = append(line, `"value":`...)
			line = append(line, value...)
		}
		line = append(line, "}\n"...)
		mockloopOS.Stdout.Sync()
		if _, err := results.Write(line); err != nil {
			return
		}
	}
}

var mockloopLine = mockloopRegexp.MustCompile(`solution\.go:(\d+)`)

func mockloopCall(fn mockloopReflect.Value, call interface{}) (out []byte, err error) {
	defer func() {
		if recovered := recover(); recovered != nil {
			where := ""
			if m := mockloopLine.FindSubmatch(mockloopDebug.Stack()); m != nil {
				where = " (line " + string(m[1]) + ")"
			}
			err = mockloopFmt.Errorf("panic: %v%s", recovered, where)
		}
	}()
	args, ok := call.([]interface{})
	if !ok || len(args) != fn.Type().NumIn() {
		return nil, mockloopFmt.Errorf("the function takes %d arguments", fn.Type().NumIn())
	}
	in := make([]mockloopReflect.Value, len(args))
	for i, arg := range args {
		value, convErr := mockloopFrom(arg, fn.Type().In(i))
		if convErr != nil {
			return nil, convErr
		}
		in[i] = value
	}
	returned := fn.Call(in)
	var buf mockloopBytes.Buffer
	if len(returned) == 0 {
		buf.WriteString("null")
	} else if err := mockloopTo(&buf, returned[0], 0); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// mockloopFrom converts decoded JSON to a value of type t: arrays fill slices, arrays and
// structs (in field order, a tuple), objects fill maps and structs (by field name).
func mockloopFrom(j interface{}, t mockloopReflect.Type) (mockloopReflect.Value, error) {
	v := mockloopReflect.New(t).Elem()
	switch t.Kind() {
	case mockloopReflect.Int, mockloopReflect.Int8, mockloopReflect.Int16, mockloopReflect.Int32, mockloopReflect.Int64:
		n, ok := j.(mockloopJSON.Number)
		if !ok {
			return v, mockloopFmt.Errorf("expected a whole number, got %v", j)
		}
		i, err := n.Int64()
		if err != nil || v.OverflowInt(i) {
			return v, mockloopFmt.Errorf("expected a whole number that fits %s, got %s", t, n)
		}
		v.SetInt(i)
	case mockloopReflect.Uint, mockloopReflect.Uint8, mockloopReflect.Uint16, mockloopReflect.Uint32, mockloopReflect.Uint64:
		n, ok := j.(mockloopJSON.Number)
		i, err := mockloopStrconv.ParseUint(string(n), 10, 64)
		if !ok || err != nil || v.OverflowUint(i) {
			return v, mockloopFmt.Errorf("expected a whole number that fits %s, got %v", t, j)
		}
		v.SetUint(i)
	case mockloopReflect.Float32, mockloopReflect.Float64:
		n, ok := j.(mockloopJSON.Number)
		if !ok {
			return v, mockloopFmt.Errorf("expected a number, got %v", j)
		}
		f, err := n.Float64()
		if err != nil {
			return v, err
		}
		v.SetFloat(f)
	case mockloopReflect.String:
		s, ok := j.(string)
		if !ok {
			return v, mockloopFmt.Errorf("expected a string, got %v", j)
		}
		v.SetString(s)
	case mockloopReflect.Bool:
		b, ok := j.(bool)
		if !ok {
			return v, mockloopFmt.Errorf("expected a boolean, got %v", j)
		}
		v.SetBool(b)
	case mockloopReflect.Slice:
		items, ok := j.([]interface{})
		if !ok {
			return v, mockloopFmt.Errorf("expected an array, got %v", j)
		}
		v.Set(mockloopReflect.MakeSlice(t, len(items), len(items)))
		for i, item := range items {
			x, err := mockloopFrom(item, t.Elem())
			if err != nil {
				return v, err
			}
			v.Index(i).Set(x)
		}
	case mockloopReflect.Array:
		items, ok := j.([]interface{})
		if !ok || len(items) != t.Len() {
			return v, mockloopFmt.Errorf("expected an array of %d, got %v", t.Len(), j)
		}
		for i, item := range items {
			x, err := mockloopFrom(item, t.Elem())
			if err != nil {
				return v, err
			}
			v.Index(i).Set(x)
		}
	case mockloopReflect.Struct:
		if items, ok := j.([]interface{}); ok {
			if len(items) != t.NumField() {
				return v, mockloopFmt.Errorf("%s has %d fields, the value %d", t, t.NumField(), len(items))
			}
			for i, item := range items {
				x, err := mockloopFrom(item, t.Field(i).Type)
				if err != nil {
					return v, err
				}
				v.Field(i).Set(x)
			}
		} else if fields, ok := j.(map[string]interface{}); ok {
			for i := 0; i < t.NumField(); i++ {
				x, err := mockloopFrom(fields[t.Field(i).Name], t.Field(i).Type)
				if err != nil {
					return v, err
				}
				v.Field(i).Set(x)
			}
		} else {
			return v, mockloopFmt.Errorf("expected an array for %s, got %v", t, j)
		}
	case mockloopReflect.Map:
		fields, ok := j.(map[string]interface{})
		if !ok || t.Key().Kind() != mockloopReflect.String {
			return v, mockloopFmt.Errorf("expected an object, got %v", j)
		}
		v.Set(mockloopReflect.MakeMap(t))
		for k, item := range fields {
			x, err := mockloopFrom(item, t.Elem())
			if err != nil {
				return v, err
			}
			v.SetMapIndex(mockloopReflect.ValueOf(k).Convert(t.Key()), x)
		}
	case mockloopReflect.Ptr:
		if j == nil {
			return v, nil
		}
		x, err := mockloopFrom(j, t.Elem())
		if err != nil {
			return v, err
		}
		p := mockloopReflect.New(t.Elem())
		p.Elem().Set(x)
		v.Set(p)
	case mockloopReflect.Interface:
		if j != nil {
			v.Set(mockloopReflect.ValueOf(j))
		}
	default:
		return v, mockloopFmt.Errorf("cannot pass a test value as %s", t)
	}
	return v, nil
}

// mockloopTo writes a returned value as JSON; a struct is written as an array of its fields (a tuple).
func mockloopTo(buf *mockloopBytes.Buffer, v mockloopReflect.Value, depth int) error {
	if depth > 64 {
		return mockloopFmt.Errorf("the result is nested too deeply")
	}
	switch v.Kind() {
	case mockloopReflect.Invalid:
		buf.WriteString("null")
	case mockloopReflect.Bool:
		buf.WriteString(mockloopStrconv.FormatBool(v.Bool()))
	case mockloopReflect.Int, mockloopReflect.Int8, mockloopReflect.Int16, mockloopReflect.Int32, mockloopReflect.Int64:
		buf.WriteString(mockloopStrconv.FormatInt(v.Int(), 10))
	case mockloopReflect.Uint, mockloopReflect.Uint8, mockloopReflect.Uint16, mockloopReflect.Uint32, mockloopReflect.Uint64:
		buf.WriteString(mockloopStrconv.FormatUint(v.Uint(), 10))
	case mockloopReflect.Float32, mockloopReflect.Float64:
		f := v.Float()
		if mockloopMath.IsNaN(f) || mockloopMath.IsInf(f, 0) {
			return mockloopFmt.Errorf("%v is not a JSON number", f)
		}
		bits := 64
		if v.Kind() == mockloopReflect.Float32 {
			bits = 32
		}
		buf.WriteString(mockloopStrconv.FormatFloat(f, 'g', -1, bits))
	case mockloopReflect.String:
		quoted, _ := mockloopJSON.Marshal(v.String())
		buf.Write(quoted)
	case mockloopReflect.Slice, mockloopReflect.Array:
		if v.Kind() == mockloopReflect.Slice && v.IsNil() {
			buf.WriteString("[]")
			return nil
		}
		buf.WriteByte('[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := mockloopTo(buf, v.Index(i), depth+1); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
	case mockloopReflect.Struct:
		buf.WriteByte('[')
		for i := 0; i < v.NumField(); i++ {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := mockloopTo(buf, v.Field(i), depth+1); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
	case mockloopReflect.Map:
		keys := v.MapKeys()
		mockloopSort.Slice(keys, func(a, b int) bool { return mockloopFmt.Sprint(keys[a]) < mockloopFmt.Sprint(keys[b]) })
		buf.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				buf.WriteByte(',')
			}
			quoted, _ := mockloopJSON.Marshal(mockloopFmt.Sprint(k))
			buf.Write(quoted)
			buf.WriteByte(':')
			if err := mockloopTo(buf, v.MapIndex(k), depth+1); err != nil {
				return err
			}
		}
		buf.WriteByte('}')
	case mockloopReflect.Ptr, mockloopReflect.Interface:
		if v.IsNil() {
			buf.WriteString("null")
			return nil
		}
		return mockloopTo(buf, v.Elem(), depth+1)
	default:
		return mockloopFmt.Errorf("a %s cannot be turned into JSON", v.Type())
	}
	return nil
}
