export async function tally(items) {
  var total = 0;
  Array.from(items).forEach(async (item) => {
    var total = await item.count();
    console.log(total);
  });
  return total;
}
